import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDialogScript,
  createElectronMain,
  type InstanceLocks,
  type SurfaceContents,
  type WindowSurface,
} from './electron-main';

/** A window surface that records what it was asked to do. */
function recordingSurfaces() {
  const loads: string[] = [];
  const delivered: { channel: string; args: unknown[] }[] = [];
  const attached: SurfaceContents[] = [];
  let url = '';
  return {
    loads,
    delivered,
    attached,
    surfaces: {
      async attach(contents: SurfaceContents): Promise<WindowSurface> {
        attached.push(contents);
        return {
          load: async (target) => {
            loads.push(target);
            url = target;
          },
          url: () => url,
          deliver: (channel, args) => delivered.push({ channel, args }),
          focus: () => {},
          close: async () => {},
        };
      },
    },
  };
}

function start(locks: InstanceLocks = new Map()) {
  const recorded = recordingSurfaces();
  const main = createElectronMain({
    appPath: '/app',
    version: '1.2.3',
    locale: 'vi-VN',
    homeDir: mkdtempSync(join(tmpdir(), 'standin-')),
    storageBackend: 'gnome_libsecret',
    dialogs: createDialogScript(),
    surfaces: recorded.surfaces,
    locks,
  });
  return { main, ...recorded, electron: main.module };
}

async function ready(main: ReturnType<typeof start>['main']) {
  main.becomeReady();
  await main.module.app.whenReady();
}

describe('app', () => {
  it('is ready only after the first tick, and refuses privileged schemes after that', async () => {
    const { main, electron } = start();
    expect(electron.app.isReady()).toBe(false);
    electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]);
    await ready(main);
    expect(electron.app.isReady()).toBe(true);
    expect(() => electron.protocol.registerSchemesAsPrivileged([{ scheme: 'late' }])).toThrow(/before app is ready/);
  });

  it('quits in order, closing windows first, and a before-quit listener can stay the quit', async () => {
    const { main, electron } = start();
    await ready(main);
    const order: string[] = [];
    const window = new electron.BrowserWindow({ show: false });
    window.on('closed', () => order.push('closed'));
    let stay = true;
    electron.app.on('before-quit', (event: { preventDefault(): void }) => {
      order.push('before-quit');
      if (stay) event.preventDefault();
    });
    electron.app.on('window-all-closed', () => order.push('window-all-closed'));
    electron.app.on('will-quit', () => order.push('will-quit'));
    electron.app.on('quit', () => order.push('quit'));
    electron.app.quit();
    expect(order).toEqual(['before-quit']);
    expect(main.ended).toBe(false);
    stay = false;
    electron.app.quit();
    expect(order).toEqual(['before-quit', 'before-quit', 'closed', 'will-quit', 'quit']);
    await expect(main.exited).resolves.toEqual({ code: 0, relaunch: false });
  });

  it('exits at once with its code, without quit events, and says whether a relaunch was asked', async () => {
    const { main, electron } = start();
    await ready(main);
    const heard: string[] = [];
    for (const name of ['before-quit', 'will-quit', 'quit']) electron.app.on(name, () => heard.push(name));
    electron.app.relaunch();
    electron.app.exit(3);
    await expect(main.exited).resolves.toEqual({ code: 3, relaunch: true });
    expect(heard).toEqual([]);
  });

  it('gives one start per userData folder the lock; the holder hears of the second, and the lock ends with it', async () => {
    const locks: InstanceLocks = new Map();
    const first = start(locks);
    const second = start(locks);
    const third = start(locks);
    for (const { electron } of [first, second, third]) electron.app.setPath('userData', '/data/LexDesk');
    expect(first.electron.app.requestSingleInstanceLock()).toBe(true);
    const heard = new Promise<unknown[]>((resolve) =>
      first.electron.app.once('second-instance', (...args: unknown[]) => resolve(args)),
    );
    expect(second.electron.app.requestSingleInstanceLock()).toBe(false);
    expect((await heard)[2]).toBe('/app');
    first.electron.app.exit(0);
    expect(third.electron.app.requestSingleInstanceLock()).toBe(true);
  });

  it('names its paths and refuses an unknown one', () => {
    const { electron } = start();
    electron.app.setPath('userData', '/data');
    expect(electron.app.getPath('userData')).toBe('/data');
    expect(electron.app.getPath('documents')).toMatch(/Documents$/);
    expect(() => electron.app.getPath('nowhere')).toThrow("Failed to get 'nowhere' path");
  });
});

describe('BrowserWindow and webContents', () => {
  it('cannot be made before ready; loads, then says ready-to-show; the last one closed says window-all-closed', async () => {
    const { main, electron, loads } = start();
    expect(() => new electron.BrowserWindow()).toThrow(/before app is ready/);
    await ready(main);
    const created: unknown[] = [];
    electron.app.on('web-contents-created', (_event: unknown, contents: unknown) => created.push(contents));
    const window = new electron.BrowserWindow({ show: false, webPreferences: { preload: '/p.js', sandbox: true } });
    expect(created).toEqual([window.webContents]);
    expect(window.webContents.preferences.preload).toBe('/p.js');
    const shown = new Promise<void>((resolve) => window.once('ready-to-show', () => resolve()));
    await window.loadURL('app://lexdesk/index.html');
    await shown;
    expect(loads).toEqual(['app://lexdesk/index.html']);
    let allClosed = 0;
    electron.app.on('window-all-closed', () => {
      allClosed += 1;
    });
    window.close();
    expect(allClosed).toBe(1);
    expect(electron.BrowserWindow.getAllWindows()).toEqual([]);
    expect(window.isDestroyed()).toBe(true);
  });

  it('sends structured-clonable values only, and none once destroyed', async () => {
    const { main, electron, delivered } = start();
    await ready(main);
    const window = new electron.BrowserWindow();
    await window.loadURL('app://lexdesk/index.html');
    window.webContents.send('lexdesk:event:ask:stream', { type: 'x', at: new Date(0) });
    expect(delivered).toEqual([{ channel: 'lexdesk:event:ask:stream', args: [{ type: 'x', at: new Date(0) }] }]);
    expect(() => window.webContents.send('lexdesk:event:ask:stream', { run: () => 1 })).toThrow();
    window.destroy();
    expect(() => window.webContents.send('lexdesk:event:ask:stream', {})).toThrow('Object has been destroyed');
  });

  it('asks will-navigate listeners, and the window open handler, whose deny is the only answer modelled', async () => {
    const { main, electron } = start();
    await ready(main);
    const window = new electron.BrowserWindow();
    window.webContents.on('will-navigate', (event: { preventDefault(): void }, url: string) => {
      if (!url.startsWith('app://lexdesk/')) event.preventDefault();
    });
    expect(window.webContents.willNavigate('app://lexdesk/index.html')).toBe(true);
    expect(window.webContents.willNavigate('https://example.com/')).toBe(false);
    expect(() => window.webContents.windowOpen('https://example.com/')).toThrow(/allowed/);
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    expect(window.webContents.windowOpen('https://example.com/')).toEqual({ action: 'deny' });
  });
});

describe('ipcMain', () => {
  it('runs the one handler of a channel with the sender and its frame, and clones what it returns', async () => {
    const { main, electron } = start();
    await ready(main);
    const window = new electron.BrowserWindow();
    class Row {
      constructor(readonly id: string) {}
    }
    let seen: { sender: unknown; senderFrame: unknown } | undefined;
    electron.ipcMain.handle('rows:get', (event: { sender: unknown; senderFrame: unknown }, input: unknown) => {
      seen = event;
      return new Row(String(input));
    });
    expect(() => electron.ipcMain.handle('rows:get', () => 1)).toThrow("second handler for 'rows:get'");
    const frame = window.webContents.mainFrame;
    const result = await main.invoke(window.webContents, frame, 'rows:get', ['r1']);
    expect(result).toEqual({ id: 'r1' });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(seen?.sender).toBe(window.webContents);
    expect(seen?.senderFrame).toBe(window.webContents.mainFrame);
    await expect(main.invoke(window.webContents, frame, 'nothing:here', [])).rejects.toThrow(
      "No handler registered for 'nothing:here'",
    );
    electron.ipcMain.handle('throws', () => {
      throw new Error('boom');
    });
    await expect(main.invoke(window.webContents, frame, 'throws', [])).rejects.toThrow(
      "Error invoking remote method 'throws': Error: boom",
    );
  });

  it('gives a subframe a frame of its own, whose top is the main frame', async () => {
    const { main, electron } = start();
    await ready(main);
    const contents = new electron.BrowserWindow().webContents;
    const sub = contents.frameFor('child', () => 'app://lexdesk/index.html', contents.mainFrame);
    expect(sub).not.toBe(contents.mainFrame);
    expect(sub.top).toBe(contents.mainFrame);
    expect(contents.frameFor('child', () => '', contents.mainFrame)).toBe(sub);
  });
});

describe('protocol, session, safeStorage, dialog', () => {
  it('answers a custom scheme from its handler, headers included, and fails an unhandled one', async () => {
    const { electron, main } = start();
    electron.protocol.handle(
      'app',
      (request: Request) => new Response(new URL(request.url).pathname, { headers: { 'x-test': 'yes' } }),
    );
    expect(() => electron.protocol.handle('app', () => new Response(''))).toThrow();
    const response = await main.fetchScheme('app://lexdesk/index.html');
    expect(await response.text()).toBe('/index.html');
    expect(response.headers.get('x-test')).toBe('yes');
    await expect(main.fetchScheme('other://x/')).rejects.toThrow('ERR_UNKNOWN_URL_SCHEME');
  });

  it('grants every permission until a handler is set, then asks it', async () => {
    const { main, electron } = start();
    await ready(main);
    const contents = new electron.BrowserWindow().webContents;
    await expect(main.requestPermission(contents, 'notifications')).resolves.toBe(true);
    expect(main.checkPermission(contents, 'geolocation')).toBe(true);
    electron.session.defaultSession.setPermissionRequestHandler((_c, permission, callback) =>
      callback(permission === 'clipboard-sanitized-write'),
    );
    electron.session.defaultSession.setPermissionCheckHandler(() => false);
    await expect(main.requestPermission(contents, 'notifications')).resolves.toBe(false);
    await expect(main.requestPermission(contents, 'clipboard-sanitized-write')).resolves.toBe(true);
    expect(main.checkPermission(contents, 'geolocation')).toBe(false);
  });

  it('encrypts only once ready, never as plaintext, and reads back what it wrote', async () => {
    const { main, electron } = start();
    expect(electron.safeStorage.isEncryptionAvailable()).toBe(false);
    await ready(main);
    const sealed = electron.safeStorage.encryptString('sk-secret-key');
    expect(sealed.includes(Buffer.from('sk-secret-key'))).toBe(false);
    expect(electron.safeStorage.decryptString(sealed)).toBe('sk-secret-key');
    expect(() => electron.safeStorage.decryptString(Buffer.from('sk-secret-key'))).toThrow();
    expect(electron.safeStorage.getSelectedStorageBackend()).toBe('gnome_libsecret');
  });

  it('answers dialogs as scripted, with or without a parent window, and records what was asked', async () => {
    const script = createDialogScript();
    const scripted = createElectronMain({
      appPath: '/app',
      version: '1',
      locale: 'en-US',
      homeDir: tmpdir(),
      storageBackend: 'basic_text',
      dialogs: script,
      surfaces: recordingSurfaces().surfaces,
      locks: new Map(),
    }).module;
    await expect(scripted.dialog.showSaveDialog({ title: 'Save' })).resolves.toEqual({ canceled: true, filePath: '' });
    script.nextFolder = '/backups';
    await expect(
      scripted.dialog.showOpenDialog({} as never, { title: 'Open', properties: ['openDirectory'] }),
    ).resolves.toEqual({ canceled: false, filePaths: ['/backups'] });
    expect(script.saveRequests).toEqual([{ title: 'Save' }]);
    expect(script.folderRequests).toEqual([{ title: 'Open', properties: ['openDirectory'] }]);
    scripted.dialog.showErrorBox('LexDesk', 'boom');
    expect(script.errorBoxes).toEqual([{ title: 'LexDesk', content: 'boom' }]);
    expect(scripted.safeStorage.getSelectedStorageBackend()).toBe('basic_text');
  });
});
