import { type Caller, type EventName, eventChannel } from '../shared/event-names';

/** As much of a BrowserWindow as sending it an event needs. */
export interface EventWindow {
  webContents: { id: number; send(channel: string, payload: unknown): void };
}

/** An event on its own channel: to the window that asked (when `to` names one), else to every window. */
export function sendEvent(windows: readonly EventWindow[], name: EventName, payload: unknown, to?: Caller): void {
  for (const window of windows) {
    if (!to || window.webContents.id === to.windowId) window.webContents.send(eventChannel(name), payload);
  }
}
