import { insertAnalysis } from '../src/main/testing/seed';
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
    insertAnalysis(host.services.db, { id: 'odd', question: 'Ngày lạ?', text: 'x', documentIds: [], createdAt: 9e15 });
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
