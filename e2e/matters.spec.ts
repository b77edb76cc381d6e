import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { FILES_DIR } from '../src/main/services';
import { insertAnswer } from '../src/main/testing/seed';
import { expect, test } from './fixtures';
import { accessibilityViolations } from './pages/layout';

const ANSWER = '## Thanh toán\n\n- Bên A thanh toán **30%** tạm ứng trong 5 ngày làm việc [p. 1, Điều 4].';

test('matters: create one, file an analysis and a document under it, rename, export it, and delete it after confirming', async ({
  host,
  page,
  app,
}, testInfo) => {
  const ingest = (name: string, text: string) =>
    host.services.documents.ingest({ ingestId: name, name, bytes: new TextEncoder().encode(text) });
  const lease = await ingest('Hợp đồng thuê kho An Phát.txt', 'Điều 4. Thanh toán: Bên A tạm ứng 30%.');
  const supply = await ingest('Hợp đồng cung cấp thiết bị.txt', 'Điều 9. Phạt vi phạm 8%.');
  insertAnswer(host.services.db, {
    id: 'lease-payment',
    question: 'Bên A phải thanh toán khi nào và bao nhiêu?',
    text: ANSWER,
    documentIds: [lease.sha256],
    createdAt: Date.UTC(2026, 10, 20, 9),
  });
  insertAnswer(host.services.db, {
    id: 'supply-penalty',
    question: 'Mức phạt vi phạm trong hợp đồng cung cấp?',
    text: 'Phạt 8% [p. 1, Điều 9].',
    documentIds: [supply.sha256],
    createdAt: Date.UTC(2026, 10, 21, 9),
  });
  await page.reload();
  await app.ready();
  const sidebar = page.getByRole('navigation');
  await expect(sidebar.getByRole('button', { name: /Bên A phải thanh toán/ })).toBeVisible();
  // No matters yet: a plain list, no group headers.
  await expect(sidebar.getByRole('button', { name: /Chưa xếp vào vụ việc/ })).toHaveCount(0);

  // Create a matter; it becomes the one new questions are filed under.
  await sidebar.getByRole('button', { name: '+ Vụ việc mới' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên vụ việc').fill('Thuê kho An Phát');
  await dialog.getByRole('button', { name: 'Vụ việc mới' }).click();
  await expect(dialog).toBeHidden();
  await expect(sidebar.getByRole('button', { name: /^Thuê kho An Phát/, expanded: true })).toContainText('0 phân tích');
  expect(await accessibilityViolations(page), 'axe-core on the history list with matters').toEqual([]);
  await expect(sidebar.getByRole('button', { name: /Chưa xếp vào vụ việc/ })).toContainText('2 phân tích');

  // Move the lease analysis into it from the analysis view.
  await sidebar.getByRole('button', { name: /Bên A phải thanh toán/ }).click();
  const analysis = page.getByRole('article');
  await analysis.getByLabel('Chuyển sang vụ việc').selectOption({ label: 'Thuê kho An Phát' });
  await expect(sidebar.getByRole('button', { name: /Thuê kho An Phát/ }).first()).toContainText('1 phân tích');
  await expect(sidebar.getByRole('button', { name: /Chưa xếp vào vụ việc/ })).toContainText('1 phân tích');
  expect(host.services.answers.get('lease-payment').matterId).not.toBeNull();

  // Export this analysis to Word, where the (scripted) save dialog says, without an extension.
  const out = mkdtempSync(join(tmpdir(), 'lexdesk-e2e-export-'));
  host.dialogs.nextSaveFile = join(out, 'phan-tich-thanh-toan');
  await analysis.getByRole('button', { name: 'Xuất ra Word' }).click();
  await expect(page.getByText(`Đã lưu tại ${join(out, 'phan-tich-thanh-toan.docx')}`)).toBeVisible();
  expect(host.dialogs.saveRequests.at(-1)?.defaultPath).toMatch(/\/Bên A phải thanh toán khi nào và bao nhiêu - /);
  const { value: html } = await mammoth.convertToHtml({ path: join(out, 'phan-tich-thanh-toan.docx') });
  expect(html).toContain('Bên A phải thanh toán khi nào và bao nhiêu?');
  expect(html).toContain('<strong>30%</strong>');
  await app.screenshot(testInfo, '40-analysis-in-matter-exported-vi');

  // File the lease document under the matter from its card.
  await analysis.getByRole('button', { name: '← Tài liệu' }).click();
  const leaseCard = page.getByRole('article').filter({ hasText: 'Hợp đồng thuê kho An Phát.txt' });
  await leaseCard.getByLabel('Chuyển sang vụ việc').selectOption({ label: 'Thuê kho An Phát' });
  await expect.poll(() => host.services.documents.get(lease.sha256).matterId).not.toBeNull();
  // The documents list shows one matter's documents when asked to.
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(2);
  await page.getByLabel('Hiển thị').selectOption({ label: 'Thuê kho An Phát' });
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('Hợp đồng thuê kho An Phát.txt');
  await page.getByLabel('Hiển thị').selectOption({ label: 'Mọi vụ việc' });
  await expect(cards).toHaveCount(2);

  // Manage the matter: rename it and export all of it.
  await sidebar.getByRole('button', { name: 'Thao tác với vụ việc Thuê kho An Phát' }).click();
  await expect(dialog.getByText('1 phân tích · 1 tài liệu')).toBeVisible();
  await dialog.getByLabel('Tên vụ việc').fill('Thuê kho An Phát – 2026');
  await dialog.getByRole('button', { name: 'Đổi tên' }).click();
  await expect(dialog.getByRole('heading', { name: 'Thuê kho An Phát – 2026' })).toBeVisible();
  host.dialogs.nextSaveFile = join(out, 'vu-viec.md');
  await dialog.getByRole('button', { name: 'Xuất ra Markdown' }).click();
  await expect(dialog.getByText(`Đã lưu tại ${join(out, 'vu-viec.md')}`)).toBeVisible();
  const report = readFileSync(join(out, 'vu-viec.md'), 'utf8');
  expect(report).toMatch(/^# Vụ việc: Thuê kho An Phát – 2026\n/);
  expect(report).toContain('## Phân tích 1: Bên A phải thanh toán khi nào và bao nhiêu?');
  expect(report).not.toContain('Mức phạt vi phạm trong hợp đồng cung cấp?');
  await app.screenshot(testInfo, '41-matter-dialog-vi');

  // Deleting asks first, saying what goes; cancelling removes nothing.
  await dialog.getByRole('button', { name: 'Xóa vụ việc…' }).click();
  await expect(dialog.getByRole('heading', { name: 'Xóa vụ việc “Thuê kho An Phát – 2026”?' })).toBeVisible();
  await expect(dialog.getByText(/1 phân tích của vụ việc sẽ bị xóa vĩnh viễn/)).toBeVisible();
  await app.screenshot(testInfo, '42-matter-delete-confirm-vi');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  expect(host.services.matters.list()).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Xóa vụ việc…' }).click();
  await dialog.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
  await expect(dialog).toBeHidden();

  // The matter, its analysis, its document and that document's stored file are gone; the rest stays.
  await expect(sidebar.getByText('Thuê kho An Phát – 2026')).toHaveCount(0);
  await expect(sidebar.getByRole('button', { name: /Mức phạt vi phạm trong hợp đồng cung cấp/ })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'Hợp đồng thuê kho An Phát.txt' })).toHaveCount(0);
  expect(host.services.history.page(10, 0).items.map((item) => item.answerId)).toEqual(['supply-penalty']);
  expect(existsSync(join(host.dataDir, FILES_DIR, lease.sha256.slice(0, 2), lease.sha256))).toBe(false);
  expect(existsSync(join(host.dataDir, FILES_DIR, supply.sha256.slice(0, 2), supply.sha256))).toBe(true);
  await app.screenshot(testInfo, '43-matter-deleted-vi');
});

test('matters group the sidebar, each group collapses, and a closed save dialog writes nothing', async ({
  host,
  page,
  app,
}, testInfo) => {
  const doc = await host.services.documents.ingest({
    ingestId: 'x',
    name: 'Contract.txt',
    bytes: new TextEncoder().encode('Clause 4. Payment within 30 days.'),
  });
  const matter = host.services.matters.create('Warehouse lease');
  for (let i = 1; i <= 3; i++) {
    insertAnswer(host.services.db, {
      id: `m${i}`,
      question: `Lease question ${i}`,
      text: 'Answer',
      documentIds: [doc.sha256],
      createdAt: matter.createdAt + i * 60_000,
      matterId: matter.id,
    });
  }
  insertAnswer(host.services.db, {
    id: 'u1',
    question: 'Loose question',
    text: 'A',
    documentIds: [],
    createdAt: matter.createdAt + 3_600_000,
  });
  host.services.settings.set({ key: 'language', value: 'en' });
  await page.reload();
  await app.ready();
  const sidebar = page.getByRole('navigation');
  const rows = sidebar.getByRole('button', { name: /question/ });
  // The group with the newest analysis first (the one in no matter, asked last), then newest first within each.
  await expect(rows).toHaveText([/Loose question/, /Lease question 3/, /Lease question 2/, /Lease question 1/]);
  await app.screenshot(testInfo, '44-history-grouped-en');

  await sidebar.getByRole('button', { name: /^Warehouse lease/, expanded: true }).click();
  await expect(rows).toHaveText([/Loose question/]);
  await sidebar.getByRole('button', { name: /^Warehouse lease/, expanded: false }).click();
  await expect(rows).toHaveCount(4);

  host.dialogs.nextSaveFile = null;
  await rows.first().click();
  await page.getByRole('article').getByRole('button', { name: 'Export to Markdown' }).click();
  await expect.poll(() => host.dialogs.saveRequests.length).toBe(1);
  expect(host.dialogs.saveRequests[0]?.title).toBe('Export analysis');
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toHaveCount(0);
});
