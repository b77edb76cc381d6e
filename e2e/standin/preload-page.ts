// The page side of the stand-in, bundled into an init script that runs before
// the page's own scripts, as Electron runs a preload: in the main frame only
// (nodeIntegrationInSubFrames is off), with the sandbox's `require`, and with
// the page reaching main only through what the preload exposed.
import { createPreloadScope, runPreload } from './preload-sandbox';

interface StandinWindow {
  /** The Playwright binding to the stand-in's ipcMain. */
  __electronStandinIpc?: (channel: string, args: unknown[]) => Promise<unknown>;
  /** Where the host reports a Content-Security-Policy violation. */
  __electronStandinCsp?: (violation: { directive: string; blocked: string; source: string }) => void;
}

export function startPreload(body: ((...args: unknown[]) => void) | null): void {
  const world = window as unknown as StandinWindow;
  const reportCsp = world.__electronStandinCsp;
  delete world.__electronStandinCsp;
  document.addEventListener('securitypolicyviolation', (event) =>
    reportCsp?.({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile }),
  );
  if (window.top !== window) return;
  const raw = world.__electronStandinIpc;
  // The page itself cannot reach ipcMain, only the preload can: as with contextIsolation.
  delete world.__electronStandinIpc;
  if (!raw || !body) return;
  const scope = createPreloadScope({ mainWorld: window, link: { invoke: (channel, args) => raw(channel, args) } });
  Object.defineProperty(window, '__electronStandinDeliver', { value: scope.deliver });
  try {
    runPreload(body, scope);
  } catch (error) {
    // Electron logs a preload that throws to the window's console and loads the page without it.
    console.error('Unable to load preload script', error);
  }
}
