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
