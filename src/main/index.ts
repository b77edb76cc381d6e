// The Electron shell: the only file that imports `electron`. Everything it
// wires together runs under plain Node in tests, the CLI and the browser host.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  type IpcMainInvokeEvent,
  ipcMain,
  Menu,
  type MenuItemConstructorOptions,
  nativeTheme,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { AppError } from '../shared/errors';
import { eventSchemas } from '../shared/events';
import { languageFromLocale } from '../shared/locale';
import { checksOutputs, createApp } from './app';
import { applyPendingRestore } from './backup/backup';
import { defaultDataDir } from './data-dir';
import { type Desktop, dialogTitles } from './desktop/desktop';
import { sendEvent } from './event-routing';
import { registerContract } from './ipc';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeOf, resolveAppFile } from './renderer-protocol';
import type { SecretCipher } from './secrets/encrypted-secret-store';
import { createServices, type Services } from './services';

// Set before `ready` so Chromium's own files land in the same folder as the database.
app.setPath('userData', defaultDataDir());

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const rendererDir = join(__dirname, '../renderer');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const trustedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];

let services: Services | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => services?.close());
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  denyPermissions();
  serveRenderer();
  const dataDir = app.getPath('userData');
  // Before the database opens: a restore the user asked for just before the restart.
  const restore = applyPendingRestore(dataDir);
  const checkOutputs = checksOutputs(process.env);
  services = createServices({
    dataDir,
    restore,
    locale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    appVersion: app.getVersion(),
    cipher: safeStorageCipher(),
    nativeBinding: electronNativeBinding(),
    emit: (name, payload, to) => {
      // Under test, an event outside its schema fails where it is sent, as a reply outside its schema does.
      if (checkOutputs) eventSchemas[name].parse(payload);
      sendEvent(BrowserWindow.getAllWindows(), name, payload, to);
    },
  });
  const current = services;
  nativeTheme.themeSource = current.settings.get().theme;
  const { dispatch } = createApp({
    services: current,
    desktop: electronDesktop(),
    onUnexpectedError: (channel, error) => console.error(`[ipc] ${channel} failed`, error),
    checkOutputs,
  });
  registerContract<IpcMainInvokeEvent>(
    ipcMain,
    async (channel, input) => {
      const result = await dispatch(channel, input);
      if (channel === 'settings:set' && result.ok) nativeTheme.themeSource = current.settings.get().theme;
      return result;
    },
    (event) => ({
      url: event.senderFrame?.url,
      isMainFrame: event.senderFrame === event.sender.mainFrame,
      windowId: event.sender.id,
    }),
    trustedOrigins,
    () => current.settings.language(),
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
  mainWindow = await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow().then((w) => (mainWindow = w));
  });
}

async function createWindow(): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    title: 'LexDesk',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f7f5',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    window.show();
    // pdf.js takes about a second to load; do it now rather than on the first drop.
    services?.documents.warmUp();
    // The SDKs and tokenizers the first answer needs, after the window's own first requests are answered.
    setTimeout(() => void services?.ask.warmUp().catch((error: unknown) => services?.log('ask', error)), 2_000);
    // Batch jobs a crash or a quit left running go on where they stopped.
    try {
      services?.batch.resumeRunning();
    } catch (error) {
      services?.log('batch', error);
    }
  });
  await window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/** No navigation away from the app, in any frame or by redirect; no new windows or webviews; web links only once confirmed. */
function hardenContents(contents: Electron.WebContents): void {
  const guard = (event: Electron.Event, url: string | undefined) => {
    if (!url || !trustedOrigins.some((origin) => url.startsWith(`${origin}/`))) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => guard(event, url));
  contents.on('will-redirect', (event, url) => guard(event, url));
  contents.on('will-frame-navigate', (details) => guard(details, details.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void confirmExternal(url);
    return { action: 'deny' };
  });
}

/** An https: link from the window opens in the browser only after the lawyer has seen the address and agreed. */
async function confirmExternal(url: string): Promise<void> {
  const text = dialogTitles(services?.settings.language() ?? languageFromLocale(app.getLocale()));
  const options = {
    type: 'question' as const,
    buttons: [text.open, text.cancel],
    defaultId: 1,
    cancelId: 1,
    message: text.openLink,
    detail: text.openLinkDetail.replace('{{url}}', url),
  };
  const { response } = mainWindow
    ? await dialog.showMessageBox(mainWindow, options)
    : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(url);
}

function denyPermissions(): void {
  // Camera, microphone, notifications, geolocation...: a contract reader needs none of them.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': mimeTypeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** Native save and folder dialogs over the main window, and a relaunch that a restore needs. */
function electronDesktop(): Desktop {
  return {
    async chooseSaveFile({ title, defaultName, filter }) {
      const options = {
        title,
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [filter],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder({ title, purpose }) {
      const options = {
        title,
        defaultPath: app.getPath('documents'),
        properties:
          purpose === 'write'
            ? (['openDirectory', 'createDirectory', 'promptToCreate'] as const)
            : (['openDirectory'] as const),
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    writeClipboard(content) {
      clipboard.write(content);
    },
    restart() {
      // The database must be closed before the next start replaces it.
      services?.close();
      services = undefined;
      app.relaunch();
      app.exit(0);
    },
  };
}

function safeStorageCipher(): SecretCipher {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    backend: () => {
      // Only Linux can fall back to a hard-coded password; macOS and Windows always use the OS.
      if (process.platform !== 'linux') return 'os-keychain';
      return safeStorage.getSelectedStorageBackend() === 'basic_text' ? 'basic-text' : 'os-keychain';
    },
    encrypt: (plaintext) => safeStorage.encryptString(plaintext),
    decrypt: (ciphertext) => safeStorage.decryptString(ciphertext),
  };
}

/**
 * In development, node_modules holds the Node build of better-sqlite3 (for
 * tests and the CLI); `npm install` keeps an Electron build apart in
 * `native/electron/`. Packaged apps are rebuilt for Electron by electron-builder.
 */
function electronNativeBinding(): string | undefined {
  // Under the e2e suite's Node stand-in for Electron, Node's own build is the one that loads.
  if (app.isPackaged || !process.versions.electron) return undefined;
  const file = join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

function menuTemplate(): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (process.platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' });
  return template;
}

/** A database from a newer LexDesk, or one that cannot be opened, ends start-up with a message, not a crash. */
function fail(error: unknown): void {
  console.error('[lexdesk] start-up failed', error);
  const language = languageFromLocale(app.getLocale());
  const data = (error instanceof AppError ? error : new AppError('INTERNAL_ERROR')).toData(language);
  dialog.showErrorBox('LexDesk', `${data.message}\n\n(${data.code})`);
  app.exit(1);
}
