import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The path of the Electron binary, or why there is none (it is not downloaded on these machines). */
function electronBinary(): { path: string } | { reason: string } {
  try {
    const path = require('electron') as unknown as string;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: `the Electron binary is not at ${String(path)}` };
  } catch (error) {
    return { reason: `the Electron binary is not installed (${(error as Error).message.split('\n')[0]})` };
  }
}

const binary = electronBinary();
const skipReason = 'reason' in binary ? `Skipped: needs Electron itself; ${binary.reason}.` : '';
if (skipReason) console.log(`[electron.spec] ${skipReason}`);

test.describe('the real Electron app', () => {
  test.skip(skipReason !== '', skipReason);

  test('starts sandboxed, serves the renderer from app://, and keeps the language across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-electron-'));
    const launch = () =>
      electron.launch({
        args: [resolve(__dirname, '../out/main/index.js')],
        env: { ...process.env, LEXDESK_DATA_DIR: dataDir },
      });

    let app = await launch();
    let page = await app.firstWindow();
    expect(page.url()).toBe('app://lexdesk/index.html');
    // The page has window.api and nothing of Node.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(
      await page.evaluate(() => typeof (window as unknown as { api: { settings: { get: unknown } } }).api.settings.get),
    ).toBe('function');
    await page.getByRole('button', { name: /Cài đặt|Settings/ }).click();
    await page.getByRole('radio', { name: 'English' }).check();
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible();
    await app.close();
  });
});

test.describe('the real Electron app, with its native dialogs answered', () => {
  test.skip(skipReason !== '', skipReason);

  test('exports an analysis where the save dialog says, and the window never names the path', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-electron-'));
    // Seeded with the Node build of better-sqlite3 before the app opens the same file with its Electron build.
    const { createServices } = await import('../src/main/services');
    const { insertAnswer } = await import('../src/main/testing/seed');
    const seeded = createServices({ dataDir, locale: 'vi-VN', appVersion: 'seed' });
    seeded.settings.set({ key: 'language', value: 'vi' });
    insertAnswer(seeded.db, {
      id: 'a1',
      question: 'Bên A thanh toán khi nào?',
      text: '**30%**',
      documentIds: [],
      createdAt: 1,
    });
    seeded.close();

    const app = await electron.launch({
      args: [resolve(__dirname, '../out/main/index.js')],
      env: { ...process.env, LEXDESK_DATA_DIR: dataDir },
    });
    try {
      const target = join(dataDir, 'phan-tich.docx');
      // Main's own dialog module, answered as the lawyer would answer it.
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
      }, target);
      const page = await app.firstWindow();
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /Bên A thanh toán khi nào/ })
        .click();
      await page.getByRole('button', { name: 'Xuất ra Word' }).click();
      await expect(page.getByText(`Đã lưu tại ${target}`)).toBeVisible();
      expect(existsSync(target)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
