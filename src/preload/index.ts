import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApi, EVENT_CHANNEL, type LexDeskBridge, type Transport } from '../shared/api';
import type { Envelope } from '../shared/envelope';
import type { AppEvent } from '../shared/events';

const ipcRendererTransport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>,
  onEvent(listener) {
    // The Electron event object (with `sender`) never reaches the page.
    const forward = (_event: Electron.IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld('api', createApi(ipcRendererTransport) satisfies LexDeskBridge);
