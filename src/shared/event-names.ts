// Plain TS: the preload bundles this file, and a sandboxed preload can load no package.

/**
 * Every event main pushes to a window, each on its own IPC channel. Their
 * payloads are in events.ts; the preload subscribes to these names only.
 */
export const EVENT_NAMES = [
  'settings:changed',
  'documents:progress',
  'ask:stream',
  'history:changed',
  'batch:progress',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const isEventName = (name: unknown): name is EventName => EVENT_NAMES.some((known) => known === name);

/** The IPC channel an event travels on, apart from the contract's request channels. */
export const eventChannel = (name: EventName): string => `lexdesk:event:${name}`;

/** The window a request came from, for the events that answer it. */
export interface Caller {
  /** Electron's `webContents.id` of the asking window. */
  windowId: number;
}
