import { resolve } from 'node:path';
import { expect, test } from './fixtures';

const data = (...parts: string[]) => resolve(__dirname, '../../shared/data', ...parts);
const GOOSEHEAD = data('pdf-en', 'cuad-original', 'GOOSEHEADINSURANCE,INC_04_02_2018-EX-10.6-Franchise Agreement.PDF');

test('a real 115-page CUAD PDF is dropped, counted, opened, and read at page 50', async ({ app, host }, testInfo) => {
  test.setTimeout(60_000);
  const { page } = app;
  await page.getByLabel('Chọn tệp…').setInputFiles(GOOSEHEAD);

  const card = page.getByRole('article').filter({ hasText: 'GOOSEHEADINSURANCE' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  const stored = host.services.documents.list()[0];
  if (!stored) throw new Error('nothing stored');
  await expect(card).toContainText('115 trang');
  await expect(card).toContainText(`${stored.tokens.o200k_base.toLocaleString('vi-VN')} token`);
  // One row per default model, each with a context gauge.
  await expect(card.getByRole('meter')).toHaveCount(6);
  await app.screenshot(testInfo, '10-document-card-vi');

  await card.getByRole('button', { name: 'Mở' }).click();
  await expect(page.getByRole('heading', { name: stored.name })).toBeVisible();
  await expect(page.locator('[data-page="1"][data-rendered="true"]')).toBeVisible({ timeout: 20_000 });

  await page.getByLabel('Trang', { exact: true }).fill('50');
  await page.getByRole('button', { name: 'Đến', exact: true }).click();
  const page50 = page.locator('[data-page="50"]');
  await expect(page50).toHaveAttribute('data-rendered', 'true', { timeout: 20_000 });
  await expect(page50).toBeInViewport();
  // The text layer of page 50 holds what LexDesk extracted for page 50.
  const expected = (host.services.documents.get(stored.sha256).pageTexts[49]?.text ?? '')
    .replace(/\s+/g, '')
    .slice(0, 40);
  expect(expected.length).toBe(40);
  const layerText = ((await page50.locator('.textLayer').textContent()) ?? '').replace(/\s+/g, '');
  expect(layerText).toContain(expected);
  await app.screenshot(testInfo, '11-viewer-page-50-vi');

  const find = page.getByRole('searchbox', { name: 'Tìm trong tài liệu' });
  await find.fill('Franchisee shall');
  await find.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^1\/\d+$/ })).toBeVisible();
  await expect(page.locator('.textLayer .text-highlight').first()).toBeInViewport({ timeout: 20_000 });
  await app.screenshot(testInfo, '12-viewer-find-vi');
});

test('a password-protected PDF asks for its password and is read with the right one', async ({ app }, testInfo) => {
  const { page } = app;
  await page.getByLabel('Chọn tệp…').setInputFiles(data('pdf-broken', 'issue6010_2.pdf'));
  const dialog = page.getByRole('dialog', { name: 'Tệp PDF có mật khẩu' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await dialog.getByRole('button', { name: 'Mở tệp' }).click();
  await expect(dialog.getByRole('alert')).toContainText('không đúng');
  await app.screenshot(testInfo, '13-password-wrong-vi');
  await dialog.getByLabel('Mật khẩu').fill('æøå');
  await dialog.getByRole('button', { name: 'Mở tệp' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article').filter({ hasText: 'issue6010_2.pdf' })).toBeVisible();
});

test('bad files end in clear messages in the user’s language and nothing is stored', async ({
  app,
  host,
}, testInfo) => {
  const { page } = app;
  await page
    .getByLabel('Chọn tệp…')
    .setInputFiles([
      data('pdf-broken', 'zero-length.pdf'),
      data('pdf-broken', 'bug1020226.pdf'),
      data('pdf-en', 'scan-no-text', 'WESTERN COPPER - NON-COMPETITION AGREEMENT_pages1-3_image-only.pdf'),
    ]);
  const rows = page.locator('.ingest--failed');
  await expect(rows).toHaveCount(3, { timeout: 20_000 });
  await expect(rows.filter({ hasText: 'zero-length.pdf' })).toContainText('trống (0 byte)');
  await expect(rows.filter({ hasText: 'bug1020226.pdf' })).toContainText('PDF_CORRUPT');
  await expect(rows.filter({ hasText: 'WESTERN COPPER' })).toContainText('bản chụp');
  expect(host.services.documents.list()).toEqual([]);
  await app.screenshot(testInfo, '14-bad-files-vi');
});
