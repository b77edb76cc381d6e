import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { SecretCipher } from '../../src/main/secrets/encrypted-secret-store';
import { createServices, type Services } from '../../src/main/services';
import {
  createDialogScript,
  createElectronMain,
  type DialogScript,
  type ElectronMain,
  type ElectronMainOptions,
  type Exit,
  type InstanceLocks,
  standinSafeStorage,
} from '../standin/electron-main';
import { createPlaywrightWindows, type PlaywrightWindows } from '../standin/playwright-windows';
import { loadShell } from '../standin/shell';

const ROOT = resolve(__dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

export interface HostOptions {
  dataDir?: string;
  /** The OS locale, as Electron's `app.getLocale()` reports it. */
  locale?: string;
  /** Linux's keyring as safeStorage reports it; `basic_text` where there is none. */
  storageBackend?: ElectronMainOptions['storageBackend'];
}

export interface AppHost {
  dataDir: string;
  /**
   * The spec's own services on the app's data dir, to seed and inspect it: a
   * second connection, as the CLI beside the app would be. Opened when first
   * used, closed and opened again across a relaunch.
   */
  readonly services: Services;
  /** What the app's dialogs answer, and what it asked them. */
  dialogs: DialogScript;
  /** How many times the app relaunched itself (`app.relaunch()` then `app.exit()`). */
  readonly relaunches: number;
  /** The running start of the built shell: its stand-in `electron` and what it did. */
  readonly app: ElectronMain;
  /** How each start ended so far. */
  readonly exits: Exit[];
  /**
   * Starts the built shell (out/main/index.js) under the Electron stand-in,
   * its first window drawn in `page` with the built preload; resolves once
   * that window is ready to show, or the start ended.
   */
  open(page: Page): Promise<void>;
  /** Starts the shell again beside the running one, as a second double-click does; resolves with how it ended. */
  startSecondInstance(): Promise<Exit>;
  windows(): PlaywrightWindows;
  close(): Promise<void>;
}

/** The cipher the stand-in's safeStorage uses, for the spec's own services. */
function standinCipher(backend: ElectronMainOptions['storageBackend']): SecretCipher {
  return {
    isEncryptionAvailable: () => true,
    backend: () => (backend === 'basic_text' ? 'basic-text' : 'os-keychain'),
    encrypt: standinSafeStorage.encryptString,
    decrypt: standinSafeStorage.decryptString,
  };
}

/** The app as it ships, on a real data dir, drawn in Debian's Chromium. */
export function startHost(options: HostOptions = {}): AppHost {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lexdesk-e2e-'));
  const homeDir = mkdtempSync(join(tmpdir(), 'lexdesk-e2e-home-'));
  mkdirSync(join(homeDir, 'Documents'));
  const storageBackend = options.storageBackend ?? 'gnome_libsecret';
  const dialogs = createDialogScript();
  const locks: InstanceLocks = new Map();
  const exits: Exit[] = [];
  let windows: PlaywrightWindows | undefined;
  let current: ElectronMain | undefined;
  let sideServices: Services | undefined;
  let relaunches = 0;
  let closed = false;

  const closeSideServices = () => {
    sideServices?.close();
    sideServices = undefined;
  };

  /** One start of the shell, as `electron .` would make it; resolves once its first window is ready or it ended. */
  const launch = (onExit: (exit: Exit) => void): { main: ElectronMain; shown: Promise<void> } => {
    if (!windows) throw new Error('open(page) first');
    const drawn = windows;
    let main: ElectronMain | undefined;
    main = createElectronMain({
      appPath: ROOT,
      version,
      locale: options.locale ?? 'vi-VN',
      homeDir,
      storageBackend,
      dialogs,
      locks,
      surfaces: drawn.surfacesFor(() => {
        if (!main) throw new Error('no start');
        return main;
      }),
    });
    const started = main;
    const shown = new Promise<void>((resolveShown) => {
      started.module.app.once('browser-window-created', (_event: unknown, window: NodeJS.EventEmitter) =>
        window.once('ready-to-show', () => resolveShown()),
      );
      void started.exited.then(() => resolveShown());
    });
    void started.exited.then((exit) => {
      exits.push(exit);
      onExit(exit);
    });
    process.env.LEXDESK_DATA_DIR = dataDir;
    delete process.env.ELECTRON_RENDERER_URL;
    loadShell(started.module);
    started.becomeReady();
    return { main: started, shown };
  };

  const startMain = (): Promise<void> => {
    const { main, shown } = launch((exit) => {
      if (closed || !exit.relaunch) return;
      relaunches += 1;
      // The next start may apply a restore that replaces the database: let go of it first.
      closeSideServices();
      void startMain();
    });
    current = main;
    return shown;
  };

  return {
    dataDir,
    dialogs,
    get relaunches() {
      return relaunches;
    },
    get exits() {
      return exits;
    },
    get app() {
      if (!current) throw new Error('open(page) first');
      return current;
    },
    get services() {
      sideServices ??= createServices({
        dataDir,
        locale: options.locale ?? 'vi-VN',
        appVersion: `${version}-spec`,
        cipher: standinCipher(storageBackend),
      });
      return sideServices;
    },
    async open(page) {
      windows = createPlaywrightWindows(page.context(), page);
      await startMain();
    },
    async startSecondInstance() {
      const { main } = launch(() => {});
      return main.exited;
    },
    windows() {
      if (!windows) throw new Error('open(page) first');
      return windows;
    },
    async close() {
      closed = true;
      if (current && !current.ended) {
        current.module.app.quit();
        await current.exited;
      }
      closeSideServices();
    },
  };
}
