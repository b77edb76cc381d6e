// The shell's own promises (src/main/index.ts as built), kept under the
// Electron stand-in: what the window may do, who may call main, what a bad
// start looks like, and one app per data dir.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { CONTENT_SECURITY_POLICY } from '../src/main/renderer-protocol';
import { DATABASE_FILE } from '../src/main/services';
import { expect, test } from './fixtures';
import { startHost } from './host/app-host';

const BUILT_PRELOAD = resolve(__dirname, '../out/preload/index.js');

test('the window is sandboxed and isolated, and the page sees window.api and nothing of Node', async ({
  host,
  page,
  app: _app,
}) => {
  const [options] = host.app.records.windowOptions;
  expect(options?.webPreferences).toMatchObject({
    preload: BUILT_PRELOAD,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
  });
  expect(options).toMatchObject({ minWidth: 880, minHeight: 560, show: false });
  expect(host.app.records.privilegedSchemes).toEqual([
    { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
  ]);
  const seen = await page.evaluate(() => {
    const world = window as unknown as Record<string, unknown>;
    return {
      node: [typeof world.require, typeof world.process, typeof world.module, typeof world.Buffer],
      frozen: Object.isFrozen(world.api),
      groups: Object.keys(world.api as object).sort(),
      raw: typeof world.__electronStandinIpc,
    };
  });
  expect(seen.node).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  expect(seen.frozen).toBe(true);
  expect(seen.groups).not.toContain('invoke');
  expect(seen.groups).not.toContain('ipcRenderer');
  expect(seen.raw).toBe('undefined');
});

test('a page that navigates to an outside URL stays where it is', async ({ host, page, app }) => {
  const home = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/phishing';
  });
  await expect
    .poll(() => host.windows().navigations)
    .toContainEqual({ url: 'https://example.com/phishing', allowed: false });
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.org/elsewhere';
    link.textContent = 'elsewhere';
    document.body.append(link);
  });
  await page.getByRole('link', { name: 'elsewhere' }).click();
  await expect
    .poll(() => host.windows().navigations)
    .toContainEqual({ url: 'https://example.org/elsewhere', allowed: false });
  expect(page.url()).toBe(home);
  await expect(app.heading()).toBeVisible();
  // The app's own pages may still load: a reload is allowed.
  await page.reload();
  await app.ready();
  expect(host.windows().navigations.at(-1)).toEqual({ url: 'app://lexdesk/index.html', allowed: true });
});

test('window.open is denied; an https: link opens in the browser only once the lawyer confirms its address', async ({
  host,
  page,
  app: _app,
}) => {
  const windowsNow = () => page.context().pages().length;
  host.dialogs.nextMessageBoxResponse = 0;
  await page.evaluate(() => window.open('https://example.com/dieu-khoan', '_blank'));
  await expect.poll(() => host.app.records.openedExternal).toEqual(['https://example.com/dieu-khoan']);
  expect(host.dialogs.messageBoxes[0]).toMatchObject({
    message: 'Mở địa chỉ này trong trình duyệt?',
    detail: expect.stringContaining('https://example.com/dieu-khoan'),
    buttons: ['Mở trong trình duyệt', 'Hủy'],
    cancelId: 1,
  });
  await expect.poll(windowsNow).toBe(1);
  // Not https: never offered. Closed or cancelled: not opened.
  await page.evaluate(() => window.open('http://example.com/plain', '_blank'));
  host.dialogs.nextMessageBoxResponse = null;
  await page.evaluate(() => window.open('https://example.net/bi-tu-choi', '_blank'));
  await expect.poll(() => host.dialogs.messageBoxes.length).toBe(2);
  host.dialogs.nextMessageBoxResponse = 0;
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.org/phu-luc';
    link.target = '_blank';
    link.textContent = 'phụ lục';
    document.body.append(link);
  });
  await page.getByRole('link', { name: 'phụ lục' }).click();
  await expect
    .poll(() => host.app.records.openedExternal)
    .toEqual(['https://example.com/dieu-khoan', 'https://example.org/phu-luc']);
  await expect.poll(windowsNow).toBe(1);
});

test('a redirect or a frame navigating away from the app is refused like a navigation', async ({ host, app: _app }) => {
  const [window] = host.app.module.BrowserWindow.getAllWindows();
  if (!window) throw new Error('no window');
  expect(window.webContents.willRedirect('https://evil.test/phishing')).toBe(false);
  expect(window.webContents.willRedirect('app://lexdesk/index.html')).toBe(true);
  const subframe = window.webContents.frameFor('spec-frame', () => 'about:blank', window.webContents.mainFrame);
  expect(window.webContents.willNavigate('https://evil.test/in-a-frame', subframe)).toBe(false);
  expect(window.webContents.willNavigate('app://lexdesk/index.html', subframe)).toBe(true);
});

test('permission requests and checks (notifications, camera, geolocation) are refused', async ({ host, app: _app }) => {
  const [window] = host.app.module.BrowserWindow.getAllWindows();
  if (!window) throw new Error('no window');
  for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
    expect(await host.app.requestPermission(window.webContents, permission), permission).toBe(false);
    expect(host.app.checkPermission(window.webContents, permission), permission).toBe(false);
  }
});

test('a call from another origin or from a subframe gets UNTRUSTED_SENDER; the app window still gets answers', async ({
  host,
  page,
  app: _app,
}) => {
  // A window of the app's own, with its preload, that ended up on another origin.
  const { BrowserWindow } = host.app.module;
  const stray = new BrowserWindow({ show: false, webPreferences: { preload: BUILT_PRELOAD, sandbox: true } });
  await stray.loadURL('https://evil.test/');
  const strayPage = page
    .context()
    .pages()
    .find((candidate) => candidate.url().startsWith('https://evil.test/'));
  if (!strayPage) throw new Error('the stray window has no page');
  const fromOtherOrigin = await strayPage.evaluate(() =>
    (window as unknown as { api: { settings: { get(): Promise<unknown> } } }).api.settings.get(),
  );
  expect(fromOtherOrigin).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });

  // A frame may not navigate away either (will-frame-navigate)...
  await strayPage.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = 'https://evil.test/inner';
    document.body.append(frame);
  });
  await expect
    .poll(() => host.windows().navigations)
    .toContainEqual({ url: 'https://evil.test/inner', allowed: false });
  // ...and a subframe that reaches ipc (as one would with nodeIntegrationInSubFrames) is refused.
  await strayPage.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.name = 'inner';
    frame.srcdoc = '<p>inner</p>';
    document.body.append(frame);
    await new Promise((resolveLoad) => frame.addEventListener('load', resolveLoad));
  });
  const inner = strayPage.frames().find((frame) => frame.name() === 'inner');
  if (!inner) throw new Error('no subframe');
  const fromSubframe = await inner.evaluate(() =>
    (
      window as unknown as { __electronStandinIpc(channel: string, args: unknown[]): Promise<unknown> }
    ).__electronStandinIpc('settings:get', []),
  );
  expect(fromSubframe).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });

  // A subframe of the app's own window at the app's own URL: still not the main frame.
  const [appWindow] = BrowserWindow.getAllWindows();
  if (!appWindow) throw new Error('no app window');
  const contents = appWindow.webContents;
  const subframe = contents.frameFor('spec-subframe', () => 'app://lexdesk/index.html', contents.mainFrame);
  expect(await host.app.invoke(contents, subframe, 'settings:get', [])).toMatchObject({
    ok: false,
    error: { code: 'UNTRUSTED_SENDER', message: expect.stringMatching(/\p{L}/u) },
  });
  expect(await host.app.invoke(contents, contents.mainFrame, 'settings:get', [])).toMatchObject({ ok: true });
  stray.close();
});

test('every response from app:// carries the CSP, and a script the policy forbids is blocked and reported', async ({
  host,
  page,
  app: _app,
}) => {
  const header = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
  expect(header).toBe(CONTENT_SECURITY_POLICY);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    await new Promise((resolveTick) => setTimeout(resolveTick, 50));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => host.windows().csp.violations.map((v) => v.directive)).toContain('script-src-elem');
  // Seen, and so not a failure of this spec: the fixture fails any other spec on a violation.
  host.windows().csp.violations.length = 0;
});

test('closing the last window quits the app and closes its database', async ({ host, page, app: _app }) => {
  const [window] = host.app.module.BrowserWindow.getAllWindows();
  window?.close();
  await expect.poll(() => host.exits).toEqual([{ code: 0, relaunch: false }]);
  // The shell let go of the file: another connection may take an exclusive lock on it at once.
  const db = new Database(join(host.dataDir, DATABASE_FILE));
  db.pragma('locking_mode = EXCLUSIVE');
  expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toBeDefined();
  db.close();
  await page.close();
});

test('a database from a newer LexDesk ends start-up with the error dialog and exit code 1, untouched', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-e2e-newer-'));
  const file = join(dataDir, DATABASE_FILE);
  const newer = new Database(file);
  newer.exec('CREATE TABLE future (x)');
  newer.pragma('user_version = 999');
  newer.close();
  const before = createHash('sha256').update(readFileSync(file)).digest('hex');
  const host = startHost({ dataDir, locale: 'vi-VN' });
  try {
    await host.open(page);
    expect(host.exits).toEqual([{ code: 1, relaunch: false }]);
    expect(host.dialogs.errorBoxes).toHaveLength(1);
    expect(host.dialogs.errorBoxes[0]?.content).toContain('(DATABASE_TOO_NEW)');
    expect(host.dialogs.errorBoxes[0]?.content).toMatch(/phiên bản/);
    expect(host.app.records.windowOptions).toEqual([]);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  } finally {
    await host.close();
  }
});

test('a second start on the same data dir quits and brings the first window back', async ({ host, app: _app }) => {
  const [window] = host.app.module.BrowserWindow.getAllWindows();
  if (!window) throw new Error('no window');
  window.minimize();
  const focusedBefore = window.focusCount;
  const second = await host.startSecondInstance();
  expect(second).toEqual({ code: 0, relaunch: false });
  await expect.poll(() => window.focusCount).toBe(focusedBefore + 1);
  expect(window.isMinimized()).toBe(false);
  expect(host.app.ended).toBe(false);
});
