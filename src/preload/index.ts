import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApi, type LexDeskBridge, type Transport } from '../shared/api';
import type { Envelope } from '../shared/envelope';
import { eventChannel, isEventName } from '../shared/event-names';

const ipcRendererTransport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>,
  on(name, listener) {
    // The page may listen to LexDesk's events only, not to any channel it names.
    if (!isEventName(name)) throw new TypeError(`unknown event "${String(name)}"`);
    const channel = eventChannel(name);
    // The Electron event object (with `sender`) never reaches the page.
    const forward = (_event: Electron.IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld('api', createApi(ipcRendererTransport) satisfies LexDeskBridge);
