/// <reference types="vite/client" />
import type { LexDeskBridge } from '../shared/api';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or the browser test host; the renderer's only way to main. */
    readonly api: LexDeskBridge;
  }
}
