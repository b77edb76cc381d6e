import { seedAnswers } from '../src/main/testing/seed';
import { expect, test } from './fixtures';
import { startHost } from './host/app-host';
import { AppPage } from './pages/app-page';

test('10,000 analyses: the sidebar draws only the rows in view and reaches the oldest by scrolling', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const host = startHost({ locale: 'vi-VN' });
  try {
    seedAnswers(host.services.db, 10_000);
    await host.open(page);
    const app = await new AppPage(page).ready();
    const list = page.locator('.history-list');
    await expect(page.getByText('Câu hỏi số 10000 về điều khoản phạt vi phạm')).toBeVisible();
    const drawn = await page.locator('.history-row').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    await app.screenshot(testInfo, '34-history-10000-vi');

    // Scrolling to the bottom loads the older pages as it goes, down to the first question asked.
    for (let i = 0; i < 80; i++) {
      await list.evaluate((element) => element.scrollBy(0, element.scrollHeight));
      if (await page.getByText('Câu hỏi số 1 về điều khoản phạt vi phạm', { exact: true }).isVisible()) break;
      await page.waitForTimeout(50);
    }
    await expect(page.getByText('Câu hỏi số 1 về điều khoản phạt vi phạm', { exact: true })).toBeVisible();
    expect(await page.locator('.history-row').count()).toBeLessThan(60);
  } finally {
    await host.close();
  }
});
