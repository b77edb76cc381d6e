// A Node stand-in for the main-process Electron APIs the shell
// (src/main/index.ts) calls, each doing what Electron's API pages say it does
// for the part LexDesk uses. Windows are drawn by a `WindowSurfaces` (a
// Playwright page each in the e2e host, a plain object in this folder's tests).
/// <reference types="electron" />
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

/** One frame of a window, as `WebFrameMain` shows it. */
export interface FrameMain {
  readonly url: string;
  readonly top: FrameMain;
  readonly parent: FrameMain | null;
  readonly routingId: number;
}

/** What draws a window: a page in the e2e host. */
export interface WindowSurface {
  /** Loads `url` (an `app://lexdesk/` one or any other) as main's `loadURL` would. */
  load(url: string): Promise<void>;
  /** The URL of the document now in the main frame, as Electron names it. */
  url(): string;
  /** Delivers `webContents.send(channel, ...args)` to the preload's `ipcRenderer`. */
  deliver(channel: string, args: unknown[]): void;
  focus(): void;
  close(): Promise<void>;
}

/** The side of a window's `webContents` its surface calls. */
export interface SurfaceContents {
  readonly id: number;
  /** The window's `webPreferences`, or none for a `webContents` without a window. */
  readonly preferences: Electron.WebPreferences;
  readonly mainFrame: FrameMain;
  frameFor(key: unknown, url: () => string, parent: FrameMain | null): FrameMain;
  willNavigate(url: string, frame?: FrameMain): boolean;
  windowOpen(url: string): Electron.WindowOpenHandlerResponse;
  isDestroyed(): boolean;
}

export interface WindowSurfaces {
  attach(contents: SurfaceContents): Promise<WindowSurface>;
}

/** Answers the app's dialogs as the spec scripted them, and keeps what it was asked. */
export interface DialogScript {
  /** The file the save dialog answers; null: the user closed it. */
  nextSaveFile: string | null;
  /** The folder the open dialog answers; null: the user closed it. */
  nextFolder: string | null;
  /** The button a message box answers with; its cancelId when null (the user closed it). */
  nextMessageBoxResponse: number | null;
  readonly saveRequests: Electron.SaveDialogOptions[];
  readonly folderRequests: Electron.OpenDialogOptions[];
  readonly messageBoxes: Electron.MessageBoxOptions[];
  readonly errorBoxes: { title: string; content: string }[];
}

export function createDialogScript(): DialogScript {
  return {
    nextSaveFile: null,
    nextFolder: null,
    nextMessageBoxResponse: null,
    saveRequests: [],
    folderRequests: [],
    messageBoxes: [],
    errorBoxes: [],
  };
}

/** Who holds each userData folder's single-instance lock, shared by every start in one host. */
export type InstanceLocks = Map<string, ElectronApp>;

export interface ElectronMainOptions {
  appPath: string;
  version: string;
  /** The OS locale: `app.getLocale()` and the first of `getPreferredSystemLanguages()`. */
  locale: string;
  /** Where the OS folders (home, documents, temp) are, for this start. */
  homeDir: string;
  /** Linux's keyring as `safeStorage.getSelectedStorageBackend()` reports it. */
  storageBackend: 'gnome_libsecret' | 'kwallet5' | 'basic_text';
  dialogs: DialogScript;
  surfaces: WindowSurfaces;
  locks: InstanceLocks;
}

/** How one start of the app ended: `app.exit(code)`, or a quit (code 0). */
export interface Exit {
  code: number;
  relaunch: boolean;
}

interface PreventableEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

function preventable<T extends object>(fields: T): T & PreventableEvent {
  let prevented = false;
  // defineProperties, not Object.assign: assign would copy the getter's value once, not the getter.
  return Object.defineProperties(fields, {
    preventDefault: {
      value: () => {
        prevented = true;
      },
    },
    defaultPrevented: { get: () => prevented },
  }) as T & PreventableEvent;
}

interface ElectronApp extends EventEmitter {
  getPath(name: string): string;
}

/** A start of the app: the `electron` module its `require` gets, and what it did. */
export function createElectronMain(options: ElectronMainOptions) {
  let ready = false;
  let ended = false;
  let quitting = false;
  let relaunchAsked = false;
  let resolveReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  let resolveExit: (exit: Exit) => void = () => {};
  const exited = new Promise<Exit>((resolve) => {
    resolveExit = resolve;
  });
  const paths = new Map<string, string>([
    ['home', options.homeDir],
    ['appData', join(options.homeDir, '.config')],
    ['userData', join(options.homeDir, '.config', 'LexDesk')],
    ['documents', join(options.homeDir, 'Documents')],
    ['downloads', join(options.homeDir, 'Downloads')],
    ['temp', join(options.homeDir, 'tmp')],
    ['logs', join(options.homeDir, '.config', 'LexDesk', 'logs')],
  ]);
  const records = {
    openedExternal: [] as string[],
    menus: [] as Electron.MenuItemConstructorOptions[][],
    privilegedSchemes: [] as Electron.CustomScheme[],
    windowOptions: [] as Electron.BrowserWindowConstructorOptions[],
    themeSources: [] as string[],
  };

  const end = (code: number) => {
    if (ended) return;
    ended = true;
    if (options.locks.get(paths.get('userData') ?? '') === app) options.locks.delete(paths.get('userData') ?? '');
    for (const window of [...windows]) window.destroy();
    resolveExit({ code, relaunch: relaunchAsked });
  };

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getName: () => 'LexDesk',
    getVersion: () => options.version,
    getAppPath: () => options.appPath,
    getLocale: () => options.locale,
    getPreferredSystemLanguages: () => [options.locale],
    setPath(name: string, path: string) {
      paths.set(name, path);
    },
    getPath(name: string): string {
      const path = paths.get(name);
      if (!path) throw new Error(`Failed to get '${name}' path`);
      return path;
    },
    isReady: () => ready,
    whenReady: () => readyPromise,
    /** The lock is per userData folder; the holder hears of the later start as `second-instance`. */
    requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
      const key = app.getPath('userData');
      const holder = options.locks.get(key);
      if (holder && holder !== app) {
        setImmediate(() => holder.emit('second-instance', preventable({}), [], options.appPath, additionalData));
        return false;
      }
      options.locks.set(key, app);
      return true;
    },
    /** Closes every window, then `will-quit` and `quit`; a listener may call `preventDefault` to stay. */
    quit() {
      if (ended || quitting) return;
      quitting = true;
      const before = preventable({});
      app.emit('before-quit', before);
      if (before.defaultPrevented) {
        quitting = false;
        return;
      }
      for (const window of [...windows]) window.close();
      const willQuit = preventable({});
      app.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        quitting = false;
        return;
      }
      app.emit('quit', preventable({}), 0);
      end(0);
    },
    /** Ends at once: no `before-quit` or `will-quit`, windows closed without asking. */
    exit(code = 0) {
      end(code);
    },
    relaunch() {
      relaunchAsked = true;
    },
  });

  const windows: BrowserWindow[] = [];
  let nextId = 1;

  class WebContents extends EventEmitter {
    readonly id = nextId++;
    readonly mainFrame: FrameMain;
    readonly session = session.defaultSession;
    surface: Promise<WindowSurface> | undefined;
    #openHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | undefined;
    #destroyed = false;
    #frames = new Map<unknown, FrameMain>();

    constructor(
      readonly owner: BrowserWindow | null,
      readonly preferences: Electron.WebPreferences,
    ) {
      super();
      const contents = this;
      this.mainFrame = {
        get url() {
          return contents.getURL();
        },
        get top() {
          return contents.mainFrame;
        },
        parent: null,
        routingId: 1,
      };
    }
    getURL(): string {
      return this.#current?.url() ?? '';
    }
    #current: WindowSurface | undefined;
    async loadURL(url: string): Promise<void> {
      this.surface ??= surfaces.attach(this);
      this.#current = await this.surface;
      await this.#current.load(url);
      this.emit('did-finish-load');
    }
    send(channel: string, ...args: unknown[]): void {
      if (this.#destroyed) throw new Error('Object has been destroyed');
      // Electron serializes with the structured clone algorithm: a function here throws.
      this.#current?.deliver(channel, structuredClone(args));
    }
    setWindowOpenHandler(handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
      this.#openHandler = handler;
    }
    /** What Chromium does on `window.open` or a `target=_blank` link: asks the handler, `allow` is not modelled. */
    windowOpen(url: string): Electron.WindowOpenHandlerResponse {
      const details = {
        url,
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: '', policy: 'default' },
      };
      const answer = this.#openHandler?.(details as Electron.HandlerDetails) ?? { action: 'allow' };
      if (answer.action !== 'deny') throw new Error(`stand-in: window.open(${url}) allowed, which it does not model`);
      return answer;
    }
    /**
     * A navigation the page started (a link, `location`): `will-frame-navigate`
     * then, for the main frame, `will-navigate`; a listener of either may prevent it.
     */
    willNavigate(url: string, frame: FrameMain = this.mainFrame): boolean {
      const isMainFrame = frame === this.mainFrame;
      const details = preventable({ url, isMainFrame, isSameDocument: false, frame });
      this.emit('will-frame-navigate', details);
      if (details.defaultPrevented || !isMainFrame) return !details.defaultPrevented;
      const event = preventable({ url, isMainFrame: true, isSameDocument: false, frame });
      this.emit('will-navigate', event, url, false, true);
      return !event.defaultPrevented;
    }
    /** A server redirecting a navigation to `url`: `will-redirect`, which a listener may prevent. */
    willRedirect(url: string): boolean {
      const event = preventable({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
      this.emit('will-redirect', event, url, false, true);
      return !event.defaultPrevented;
    }
    /** The frame a message came from; `parentOf` is null for the main frame. */
    frameFor(key: unknown, url: () => string, parent: FrameMain | null): FrameMain {
      if (parent === null) return this.mainFrame;
      let frame = this.#frames.get(key);
      if (!frame) {
        frame = {
          get url() {
            return url();
          },
          top: this.mainFrame,
          parent,
          routingId: 100 + this.#frames.size,
        };
        this.#frames.set(key, frame);
      }
      return frame;
    }
    isDestroyed(): boolean {
      return this.#destroyed;
    }
    destroy(): void {
      this.#destroyed = true;
    }
  }

  class BrowserWindow extends EventEmitter {
    static getAllWindows(): BrowserWindow[] {
      return [...windows];
    }
    static getFocusedWindow(): BrowserWindow | null {
      return focused;
    }
    readonly id: number;
    readonly webContents: WebContents;
    readonly options: Electron.BrowserWindowConstructorOptions;
    #visible: boolean;
    #minimized = false;
    #destroyed = false;
    focusCount = 0;

    constructor(windowOptions: Electron.BrowserWindowConstructorOptions = {}) {
      super();
      if (!ready) throw new Error('Cannot create BrowserWindow before app is ready');
      this.options = windowOptions;
      records.windowOptions.push(windowOptions);
      this.#visible = windowOptions.show !== false;
      this.webContents = new WebContents(this, windowOptions.webPreferences ?? {});
      this.id = this.webContents.id;
      windows.push(this);
      app.emit('web-contents-created', preventable({}), this.webContents);
      app.emit('browser-window-created', preventable({}), this);
      this.webContents.surface = surfaces.attach(this.webContents);
      this.webContents.once('did-finish-load', () => this.emit('ready-to-show'));
    }
    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    show(): void {
      this.#visible = true;
      this.focus();
    }
    isVisible(): boolean {
      return this.#visible;
    }
    focus(): void {
      focused = this;
      this.focusCount += 1;
      void this.webContents.surface?.then((surface) => surface.focus());
    }
    minimize(): void {
      this.#minimized = true;
    }
    isMinimized(): boolean {
      return this.#minimized;
    }
    restore(): void {
      this.#minimized = false;
    }
    isDestroyed(): boolean {
      return this.#destroyed;
    }
    /** As the user closing it: `close` (preventable), then `closed`; the last one closed says `window-all-closed`. */
    close(): void {
      if (this.#destroyed) return;
      const event = preventable({});
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroy();
      if (windows.length === 0 && !quitting && !ended) app.emit('window-all-closed');
    }
    destroy(): void {
      if (this.#destroyed) return;
      this.#destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      if (focused === this) focused = null;
      this.webContents.destroy();
      void this.webContents.surface?.then((surface) => surface.close());
      this.emit('closed');
    }
  }
  let focused: BrowserWindow | null = null;

  type InvokeListener = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;
  const handlers = new Map<string, InvokeListener>();
  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, listener: InvokeListener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  });

  /** `ipcRenderer.invoke` arriving from `frame` of `sender`: the handler's value, structured-cloned back. */
  async function invoke(sender: SurfaceContents, frame: FrameMain, channel: string, args: unknown[]): Promise<unknown> {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const event = { sender, senderFrame: frame, frameId: frame.routingId, processId: 1, type: 'frame' };
    try {
      return structuredClone(await listener(event as unknown as Electron.IpcMainInvokeEvent, ...args));
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
    }
  }

  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]) {
      if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      records.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
    isProtocolHandled: (scheme: string) => protocolHandlers.has(scheme),
  };

  /** A request the window makes to a custom scheme: the registered handler's response, or a failed fetch. */
  async function fetchScheme(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = protocolHandlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`);
    return handler(new Request(url, init));
  }

  type PermissionRequestHandler = (
    contents: SurfaceContents,
    permission: string,
    callback: (granted: boolean) => void,
    details: object,
  ) => void;
  type PermissionCheckHandler = (contents: SurfaceContents | null, permission: string, origin: string) => boolean;
  let permissionRequestHandler: PermissionRequestHandler | null = null;
  let permissionCheckHandler: PermissionCheckHandler | null = null;
  const session = {
    defaultSession: {
      setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
        permissionRequestHandler = handler;
      },
      setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
        permissionCheckHandler = handler;
      },
    },
  };

  /** What Chromium asks when a page wants a permission; with no handler set, Electron grants it. */
  function requestPermission(contents: SurfaceContents, permission: string): Promise<boolean> {
    if (!permissionRequestHandler) return Promise.resolve(true);
    const handler = permissionRequestHandler;
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: contents.mainFrame.url }));
  }
  function checkPermission(contents: SurfaceContents, permission: string): boolean {
    return permissionCheckHandler ? permissionCheckHandler(contents, permission, contents.mainFrame.url) : true;
  }

  const safeStorage = {
    /** On Linux, false until the app is ready. */
    isEncryptionAvailable: () => ready,
    getSelectedStorageBackend: () => options.storageBackend,
    encryptString: (plaintext: string) => encryptForStandin(plaintext),
    decryptString: (ciphertext: Buffer) => decryptForStandin(ciphertext),
  };

  // Electron's dialogs take an optional parent window first.
  const optionsOf = <T>(windowOrOptions: BrowserWindow | T, maybeOptions: T | undefined): T =>
    maybeOptions ?? (windowOrOptions as T);
  const dialog = {
    async showSaveDialog(first: BrowserWindow | Electron.SaveDialogOptions, second?: Electron.SaveDialogOptions) {
      options.dialogs.saveRequests.push(optionsOf(first, second));
      const filePath = options.dialogs.nextSaveFile;
      return filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath };
    },
    async showOpenDialog(first: BrowserWindow | Electron.OpenDialogOptions, second?: Electron.OpenDialogOptions) {
      options.dialogs.folderRequests.push(optionsOf(first, second));
      const folder = options.dialogs.nextFolder;
      return folder === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [folder] };
    },
    async showMessageBox(first: BrowserWindow | Electron.MessageBoxOptions, second?: Electron.MessageBoxOptions) {
      const asked = optionsOf(first, second);
      options.dialogs.messageBoxes.push(asked);
      return { response: options.dialogs.nextMessageBoxResponse ?? asked.cancelId ?? 0, checkboxChecked: false };
    },
    showErrorBox(title: string, content: string) {
      options.dialogs.errorBoxes.push({ title, content });
    },
  };

  const Menu = {
    buildFromTemplate: (template: Electron.MenuItemConstructorOptions[]) => ({ items: template }),
    setApplicationMenu(menu: { items: Electron.MenuItemConstructorOptions[] } | null) {
      records.menus.push(menu?.items ?? []);
    },
  };

  let themeSource = 'system';
  const nativeTheme = Object.assign(new EventEmitter(), {
    get themeSource() {
      return themeSource;
    },
    set themeSource(value: string) {
      themeSource = value;
      records.themeSources.push(value);
    },
    get shouldUseDarkColors() {
      return themeSource === 'dark';
    },
  });

  const shell = {
    async openExternal(url: string) {
      records.openedExternal.push(url);
    },
  };

  // One system clipboard: a write replaces every format it held, as Electron's `clipboard.write` does.
  let clipboardData: { text: string; html: string } = { text: '', html: '' };
  const clipboard = {
    write(data: { text?: string; html?: string }) {
      clipboardData = { text: data.text ?? '', html: data.html ?? '' };
    },
    readText: () => clipboardData.text,
    readHTML: () => clipboardData.html,
  };

  const surfaces = options.surfaces;
  const module = {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session,
    safeStorage,
    dialog,
    Menu,
    nativeTheme,
    shell,
    clipboard,
  };

  return {
    /** What `require('electron')` returns in the shell. */
    module,
    records,
    exited,
    /** Emits `ready` once the shell's first tick has run, as Electron does after loading main. */
    becomeReady() {
      setImmediate(() => {
        if (ended) return;
        ready = true;
        app.emit('ready', preventable({}), {});
        resolveReady();
      });
    },
    invoke,
    fetchScheme,
    requestPermission,
    checkPermission,
    get ended() {
      return ended;
    },
  };
}

export type ElectronMain = ReturnType<typeof createElectronMain>;

// One fixed key for every start in a test run, so a key saved before a restart reads after it.
const standinKey = randomBytes(32);

/** safeStorage's encryption: AES-GCM under a key of this test run (the OS keychain's part). */
function encryptForStandin(plaintext: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', standinKey, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
}

function decryptForStandin(ciphertext: Buffer): string {
  if (ciphertext.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided');
  const iv = ciphertext.subarray(3, 15);
  const tag = ciphertext.subarray(15, 31);
  const decipher = createDecipheriv('aes-256-gcm', standinKey, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext.subarray(31)), decipher.final()]).toString('utf8');
}

/** The same encryption for a spec's own services on the app's data dir (a second process, as the CLI is). */
export const standinSafeStorage = { encryptString: encryptForStandin, decryptString: decryptForStandin };
