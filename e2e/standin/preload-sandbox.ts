// The world a sandboxed Electron preload runs in (Electron's "Process
// Sandboxing" page): `require` serves only `electron`'s renderer modules,
// `events`, `timers` and `url`; everything else is "module not found".
// Written for both the page (bundled into the host's init script) and Node
// (the stand-in's own tests), so it uses neither DOM nor Node APIs.
import { exposeInWorld } from './context-bridge';

/** How `ipcRenderer` reaches main: the Playwright binding in a page, a plain function in tests. */
export interface IpcLink {
  invoke(channel: string, args: unknown[]): Promise<unknown>;
}

type Listener = (...args: unknown[]) => void;

/** The part of Node's EventEmitter a preload can lean on (the sandbox serves `events`). */
export class EventEmitter {
  #listeners = new Map<string | symbol, Listener[]>();

  on(name: string | symbol, listener: Listener): this {
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener]);
    return this;
  }
  addListener(name: string | symbol, listener: Listener): this {
    return this.on(name, listener);
  }
  once(name: string | symbol, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(name, wrapped);
      listener(...args);
    };
    return this.on(name, wrapped);
  }
  removeListener(name: string | symbol, listener: Listener): this {
    const remaining = (this.#listeners.get(name) ?? []).filter((candidate) => candidate !== listener);
    if (remaining.length > 0) this.#listeners.set(name, remaining);
    else this.#listeners.delete(name);
    return this;
  }
  off(name: string | symbol, listener: Listener): this {
    return this.removeListener(name, listener);
  }
  removeAllListeners(name?: string | symbol): this {
    if (name === undefined) this.#listeners.clear();
    else this.#listeners.delete(name);
    return this;
  }
  emit(name: string | symbol, ...args: unknown[]): boolean {
    const listeners = this.#listeners.get(name) ?? [];
    for (const listener of listeners) listener(...args);
    return listeners.length > 0;
  }
  listenerCount(name: string | symbol): number {
    return this.#listeners.get(name)?.length ?? 0;
  }
}

/**
 * `ipcRenderer` as a sandboxed preload sees it: `invoke` structured-clones its
 * arguments (a function among them throws, as in Electron), and a message from
 * main reaches `on` listeners as `(event, ...args)`.
 */
export function createIpcRenderer(link: IpcLink) {
  const emitter = new EventEmitter();
  const ipcRenderer = Object.assign(emitter, {
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      let cloned: unknown[];
      try {
        cloned = structuredClone(args);
      } catch {
        return Promise.reject(new Error('An object could not be cloned.'));
      }
      return link.invoke(channel, cloned).then((result) => structuredClone(result));
    },
  });
  /** What `webContents.send(channel, ...args)` in main ends in. */
  const deliver = (channel: string, args: unknown[]) => {
    ipcRenderer.emit(channel, { sender: ipcRenderer, senderId: 0, ports: [] }, ...structuredClone(args));
  };
  return { ipcRenderer, deliver };
}

export const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url'] as const;

export interface PreloadWorld {
  /** The page's `window`, where `contextBridge.exposeInMainWorld` puts the API. */
  mainWorld: object;
  link: IpcLink;
  /** `webUtils.getPathForFile`: a File made in the page has no path on disk, and Electron answers "". */
  pathForFile?: (file: unknown) => string;
}

/** The arguments a preload's CommonJS wrapper receives in a sandboxed renderer. */
export interface PreloadScope {
  require(id: string): unknown;
  module: { exports: unknown };
  exports: unknown;
  process: object;
  setImmediate(callback: () => void): unknown;
  clearImmediate(handle: unknown): void;
  /** Delivers a message from main to the preload's `ipcRenderer.on` listeners. */
  deliver(channel: string, args: unknown[]): void;
}

export function createPreloadScope({ mainWorld, link, pathForFile = () => '' }: PreloadWorld): PreloadScope {
  const { ipcRenderer, deliver } = createIpcRenderer(link);
  const setImmediate = (callback: () => void) => setTimeout(callback, 0);
  const clearImmediate = (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>);
  const modules: Record<(typeof SANDBOX_MODULES)[number], unknown> = {
    electron: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposeInWorld(mainWorld, key, api) },
      ipcRenderer,
      webUtils: { getPathForFile: pathForFile },
      // Not modelled: a preload that calls these fails here, and is then worth modelling.
      crashReporter: {},
      nativeImage: {},
      webFrame: {},
    },
    events: { EventEmitter, default: EventEmitter },
    timers: { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate },
    url: { URL, URLSearchParams },
  };
  const module = { exports: {} };
  return {
    require(id) {
      if (Object.hasOwn(modules, id)) return modules[id as keyof typeof modules];
      throw new Error(`module not found: ${id}`);
    },
    module,
    exports: module.exports,
    // Electron's sandboxed `process` is a small polyfill: no `env` secrets, no `binding`.
    process: Object.freeze({ type: 'renderer', sandboxed: true, contextIsolated: true, platform: 'linux', env: {} }),
    setImmediate,
    clearImmediate,
    deliver,
  };
}

/** The parameters of the wrapper a preload's source is run inside, in this order. */
export const PRELOAD_PARAMETERS = [
  'require',
  'module',
  'exports',
  'process',
  'setImmediate',
  'clearImmediate',
] as const;

export function runPreload(body: (...args: unknown[]) => void, scope: PreloadScope): void {
  body(scope.require, scope.module, scope.exports, scope.process, scope.setImmediate, scope.clearImmediate);
}
