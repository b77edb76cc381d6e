import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../src/main/services';
import { expect, test } from './fixtures';

test('a backup made from Settings is checked, chosen, confirmed and restored across a restart', async ({
  host,
  page,
  app,
}, testInfo) => {
  const ingest = (name: string) =>
    host.services.documents.ingest({
      ingestId: name,
      name,
      bytes: new TextEncoder().encode(`${name}: Điều 1. Phạm vi hợp đồng.`),
    });
  await ingest('Hợp đồng thuê kho.txt');
  await page.reload();
  await app.ready();

  // Back up into a folder the (scripted) folder dialog gives.
  const parent = mkdtempSync(join(tmpdir(), 'lexdesk-e2e-backups-'));
  host.dialogs.nextFolder = parent;
  await app.settingsButton(/^Cài đặt$/).click();
  const settings = app.settingsDialog();
  await settings.getByRole('button', { name: 'Sao lưu ngay…' }).click();
  await expect(settings.getByText(/Đã sao lưu và kiểm tra: 0 phân tích và 1 tài liệu tại/)).toBeVisible();
  const [made] = readdirSync(parent);
  if (!made) throw new Error('no backup folder');
  expect(host.dialogs.folderRequests[0]).toMatchObject({
    title: 'Chọn thư mục để lưu bản sao lưu',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  });
  await app.screenshot(testInfo, '45-backup-made-vi');

  // A folder that is not a backup is refused, saying why, and nothing is asked to restart.
  host.dialogs.nextFolder = mkdtempSync(join(tmpdir(), 'lexdesk-e2e-not-a-backup-'));
  await settings.getByRole('button', { name: 'Khôi phục từ bản sao lưu…' }).click();
  await expect(settings.getByRole('alert')).toContainText('BACKUP_INVALID');

  // Work done after the backup...
  await ingest('Phụ lục bổ sung.txt');
  expect(host.services.documents.list()).toHaveLength(2);

  // ...is replaced by the backup once the lawyer has seen what it holds and confirmed.
  host.dialogs.nextFolder = join(parent, made);
  await settings.getByRole('button', { name: 'Khôi phục từ bản sao lưu…' }).click();
  const confirm = settings.getByRole('region', { name: 'Khôi phục bản sao lưu này?' });
  await expect(confirm).toContainText('gồm 0 phân tích và 1 tài liệu');
  await expect(confirm).toContainText('before-restore-…');
  await confirm.scrollIntoViewIfNeeded();
  await app.screenshot(testInfo, '46-restore-confirm-vi');
  await confirm.getByRole('button', { name: 'Khôi phục và khởi động lại' }).click();

  // The app restarts on the restored data and says so once.
  await expect(
    page.getByText(
      /Đã khôi phục từ bản sao lưu tạo lúc \d\d:\d\d ngày \d+ tháng \d+ năm \d{4}: 0 phân tích và 1 tài liệu\./,
    ),
  ).toBeVisible({
    timeout: 15_000,
  });
  expect(host.relaunches).toBe(1);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article')).toContainText('Hợp đồng thuê kho.txt');
  expect(host.services.documents.list().map((d) => d.name)).toEqual(['Hợp đồng thuê kho.txt']);
  const kept = readdirSync(host.dataDir).filter((name) => name.startsWith('before-restore-'));
  expect(kept).toHaveLength(1);
  expect(existsSync(join(host.dataDir, kept[0] ?? '', DATABASE_FILE))).toBe(true);
  await app.screenshot(testInfo, '47-restored-vi');
  await page.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByText(/Đã khôi phục từ bản sao lưu/)).toHaveCount(0);
});
