// Runs inside the test page before the renderer (as a Playwright init script),
// doing what the preload does in Electron: install `window.api` over a transport.
import { createApi, type Transport } from '../../src/shared/api';
import type { Envelope } from '../../src/shared/envelope';
import type { AppEvent } from '../../src/shared/events';

interface HostWindow {
  /** The Playwright binding: carries `(channel, input)` to the dispatcher `ipc.ts` uses. */
  __lexdeskInvoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** Called by the host to push an event, as `webContents.send` does in Electron. */
  __lexdeskPush?: (event: AppEvent) => void;
  api?: unknown;
}

const host = window as unknown as HostWindow;
const listeners = new Set<(event: AppEvent) => void>();

const bindingTransport: Transport = {
  invoke: (channel, input) => host.__lexdeskInvoke(channel, input),
  onEvent(listener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

host.__lexdeskPush = (event) => {
  for (const listener of listeners) listener(event);
};
Object.defineProperty(host, 'api', { value: Object.freeze(createApi(bindingTransport)), enumerable: true });
