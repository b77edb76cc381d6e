import { resolve } from 'node:path';
import { startProviderTestServer } from '../src/main/llm/testing/provider-test-server';
import { providerPresets } from '../src/shared/provider-presets';
import { expect, test } from './fixtures';
import { startHost } from './host/app-host';
import { AppPage } from './pages/app-page';

const STATUTE = resolve(
  __dirname,
  '../../shared/data/contracts-vi/luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.pdf',
);
const ANSWER = 'Mức phạt vi phạm không quá 8% giá trị phần nghĩa vụ hợp đồng bị vi phạm [p. 40, Điều 301].';
const KEY = 'sk-history-1234';

test('an analysis is found offline by searching without diacritics, opened with its document, and asked again from the cache', async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const server = await startProviderTestServer({
    answer: ANSWER,
    apiKey: KEY,
    usage: { input: 30_000, cachedInput: 0, output: 30 },
  });
  const custom = providerPresets.find((p) => p.id === 'custom');
  if (!custom) throw new Error('no custom preset');

  // First run: ask a question about a real 48-page Vietnamese PDF.
  const first = startHost({ locale: 'vi-VN' });
  // A long-context model: the statute is about 30,000 tokens.
  const models = custom.models.map((model) => ({ ...model, contextWindow: 262_144 }));
  first.services.providers.save({ ...custom, name: 'Máy chủ thử nghiệm', baseUrl: server.openaiBaseUrl, models });
  first.services.providers.setKey('custom', KEY);
  const page1 = await browser.newPage();
  await first.open(page1);
  await new AppPage(page1).ready();
  await page1.getByLabel('Chọn tệp…').setInputFiles(STATUTE);
  await expect(page1.getByRole('article')).toHaveCount(1, { timeout: 30_000 });
  await page1.getByLabel('Câu hỏi thường gặp').selectOption({ label: 'Phạt vi phạm và bồi thường thiệt hại' });
  await page1.getByRole('button', { name: 'Hỏi', exact: true }).click();
  await expect(page1.getByText('Hoàn tất')).toBeVisible({ timeout: 20_000 });
  await expect(page1.getByRole('navigation').getByRole('button', { name: /Phạt vi phạm|phạt vi phạm/ })).toBeVisible();
  await page1.close();
  await first.close();
  // The provider is gone: what follows must come from the database alone.
  await server.close();

  const second = startHost({ dataDir: first.dataDir, locale: 'vi-VN' });
  try {
    const page = await browser.newPage();
    await second.open(page);
    const app = await new AppPage(page).ready();
    const sidebar = page.getByRole('navigation');
    await sidebar.getByRole('searchbox', { name: 'Tìm trong lịch sử' }).fill('phat vi pham');
    const answerHit = sidebar.getByRole('button').filter({ hasText: 'Phân tích' });
    await expect(answerHit).toBeVisible();
    await expect(answerHit.locator('mark').first()).toBeVisible();
    await app.screenshot(testInfo, '30-history-search-vi');

    await answerHit.click();
    await expect(page.getByRole('heading', { name: /Hợp đồng quy định thế nào về phạt vi phạm/ })).toBeVisible();
    await expect(page.locator('.analysis .answer__text')).toContainText('Mức phạt vi phạm không quá 8%');
    await expect(page.locator('.analysis')).toContainText('30.000');
    await app.screenshot(testInfo, '31-history-analysis-vi');

    // A page hit opens the stored PDF at that page.
    const pageHit = sidebar
      .getByRole('button')
      .filter({ hasText: /^Trang \d+/ })
      .first();
    const pageNumber = Number((await pageHit.locator('.search-hit__kind').textContent())?.replace(/\D/g, ''));
    await pageHit.click();
    await expect(page.getByLabel('Trang', { exact: true })).toHaveValue(String(pageNumber), { timeout: 20_000 });
    await expect(page.locator(`[data-page="${pageNumber}"]`)).toBeInViewport();
    // With the words the search matched, as the document writes them (accents and all), found and marked there.
    await expect(page.getByRole('searchbox', { name: 'Tìm trong tài liệu' })).toHaveValue(/vi phạm/i);
    await expect(page.locator(`[data-page="${pageNumber}"] .textLayer .text-highlight`).first()).toBeInViewport();
    await app.screenshot(testInfo, '32-history-page-hit-vi');

    // The same question again: answered from history at no cost, with the provider unreachable.
    await page.getByRole('button', { name: '← Tài liệu' }).click();
    await sidebar.getByRole('searchbox', { name: 'Tìm trong lịch sử' }).fill('');
    await page.getByRole('checkbox', { name: 'Đưa vào câu hỏi' }).check();
    await page.getByLabel('Câu hỏi thường gặp').selectOption({ label: 'Phạt vi phạm và bồi thường thiệt hại' });
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await expect(page.getByText('Từ lịch sử: câu hỏi này đã được trả lời trước đây')).toBeVisible();
    await expect(page.locator('.answer .answer__text')).toContainText('Mức phạt vi phạm không quá 8%');
    await expect(page.locator('[data-counter="cost"] dd')).toHaveText('0 US$');
    expect(second.services.answers.cacheStats().hits).toBe(1);
    await app.screenshot(testInfo, '33-history-cached-answer-vi');
  } finally {
    await second.close();
  }
});
