import { insertAnswer } from '../src/main/testing/seed';
import { expect, test } from './fixtures';
import { startHost } from './host/app-host';
import { AppPage } from './pages/app-page';

// Finding 3 of the nothing-lost issue: one value a view did not expect unmounted the whole React tree.
test('a value no view expected shows a coded notice and a way back, never a white window', async ({
  page,
}, testInfo) => {
  const host = startHost({ locale: 'vi-VN' });
  try {
    // A row from a damaged or hand-edited database: a date past what a JavaScript Date can hold.
    insertAnswer(host.services.db, { id: 'odd', question: 'Ngày lạ?', text: 'x', documentIds: [], createdAt: 9e15 });
    await host.open(page);
    const app = await new AppPage(page).ready();
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('LexDesk không hiển thị được màn hình này');
    await expect(notice).toContainText('RENDER_FAILED');
    await expect(notice.getByRole('button', { name: 'Tải lại cửa sổ' })).toBeVisible();
    await app.screenshot(testInfo, '50-render-failed-vi');
  } finally {
    await host.close();
  }
});

// The refit issue, one way to fail: work nobody awaits (here a document filed from its card) ends in a coded
// notice the lawyer sees, not in an unhandled rejection.
test('a matter removed from the command line while the window lists it: filing there says why, with its code', async ({
  page,
}, testInfo) => {
  const host = startHost({ locale: 'vi-VN' });
  try {
    await host.services.documents.ingest({
      ingestId: 'seed',
      name: 'Hợp đồng dịch vụ.txt',
      bytes: new TextEncoder().encode('Điều 1. Phạm vi dịch vụ.'),
    });
    const matter = host.services.matters.create('Vụ đã xoá');
    await host.open(page);
    const app = await new AppPage(page).ready();
    // The CLI beside the app removes it; the window still lists it.
    host.services.matters.remove(matter.id);
    const card = page.getByRole('article').filter({ hasText: 'Hợp đồng dịch vụ.txt' });
    await card.getByLabel('Chuyển sang vụ việc').selectOption({ label: 'Vụ đã xoá' });
    const notices = page.getByRole('region', { name: 'Có thao tác chưa thực hiện được' });
    await expect(notices.getByRole('alert')).toContainText('MATTER_NOT_FOUND');
    await app.screenshot(testInfo, '51-failure-notice-vi');
    await notices.getByRole('button', { name: 'Đóng' }).click();
    await expect(notices).toHaveCount(0);
  } finally {
    await host.close();
  }
});
