import { resolve } from 'node:path';
import { type ProviderTestServer, startProviderTestServer } from '../src/main/llm/testing/provider-test-server';
import { countTokensWith } from '../src/main/tokens/token-count';
import { MAP_SYSTEM, REDUCE_SYSTEM } from '../src/shared/prompt';
import { providerPresets } from '../src/shared/provider-presets';
import { expect, test } from './fixtures';
import { startHost } from './host/app-host';
import { AppPage } from './pages/app-page';
import { accessibilityViolations, horizontalScroll, overflowsIn } from './pages/layout';

// The long-document issue: a question over the 404-page Civil Code on a small-window model shows the plans with
// their prices, is read part by part with the progress shown, and the answer says what it read.

const CIVIL_CODE = resolve(__dirname, '../../shared/data/contracts-vi/bo-luat-dan-su-2015_phap-dien-9.1_full.pdf');
const KEY = 'sk-test-0123456789abcd';
const NOTE =
  'Bồi thường thiệt hại do vi phạm nghĩa vụ gồm tổn thất về vật chất và tinh thần [tr. 120, Điều 9.1.LQ.361].';

let server: ProviderTestServer;
test.beforeAll(async () => {
  server = await startProviderTestServer();
});
test.afterAll(() => server.close());

test('a question over the Civil Code on a 32K model: the plans priced, the parts read one by one, the coverage said', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  server.script({
    answer: NOTE,
    apiKey: KEY,
    firstByteDelayMs: 700,
    tokensPerSecond: 2_000,
    countInput: (text) => countTokensWith('o200k_base', text),
  });
  const host = startHost({ locale: 'vi-VN' });
  try {
    const custom = providerPresets.find((p) => p.id === 'custom');
    if (!custom) throw new Error('no custom preset');
    const model = { ...custom.models[0], model: 'local-32k', contextWindow: 32_768, input: 0.6, output: 2.5 };
    host.services.providers.save({
      ...custom,
      name: 'Máy chủ thử nghiệm',
      baseUrl: server.openaiBaseUrl,
      models: [model as (typeof custom.models)[number]],
    });
    host.services.providers.setKey('custom', KEY);
    await host.open(page);
    const app = await new AppPage(page).ready();
    await page.getByLabel('Chọn tệp…').setInputFiles(CIVIL_CODE);
    await expect(page.getByRole('article')).toHaveCount(1, { timeout: 60_000 });

    await page
      .getByLabel('Câu hỏi', { exact: true })
      .fill('Bồi thường thiệt hại do vi phạm nghĩa vụ được quy định thế nào?');
    // Too long whole; the plan that reads every page is offered, with its figures.
    await expect(page.locator('.ask__estimate')).toHaveText(/^Quá dài cho mô hình này/);
    const plans = page.locator('fieldset.plans');
    await expect(plans.locator('legend')).toHaveText('Tài liệu dài hơn giới hạn đầu vào của local-32k. Chọn cách gửi:');
    const option = plans.getByRole('radio', {
      name: /Đọc theo \d+ phần \(cắt theo điều khoản\) rồi tổng hợp, với local-32k/,
    });
    await expect(option).toBeChecked();
    await expect(plans.locator('.plans__facts')).toHaveText(
      /^≈ [\d.]+ token đầu vào · \d+ yêu cầu · ≈ .+ · đọc đủ 404 trang$/,
    );
    const parts = Number(
      (await plans.locator('.plans__title').first().textContent())?.match(/Đọc theo (\d+) phần/)?.[1],
    );
    expect(parts).toBeGreaterThan(8);
    for (const size of [
      { width: 880, height: 560 },
      { width: 1366, height: 768 },
    ]) {
      await page.setViewportSize(size);
      expect(await horizontalScroll(page), `sideways scroll at ${size.width}`).toBe(0);
      expect(await overflowsIn(page, '.ask'), `overflow at ${size.width}×${size.height}`).toEqual([]);
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await app.screenshot(testInfo, '76-plans-vi');

    const before = server.requests.length;
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    // Part by part, counted as they come back.
    const progress = page.getByTestId('parts-progress');
    await expect(progress).toHaveText(new RegExp(`^Đang đọc phần \\d+/${parts}$`));
    await app.screenshot(testInfo, '77-parts-progress-vi');
    await expect(page.locator('.answer__status')).toHaveText('Hoàn tất', { timeout: 60_000 });
    await expect(page.getByTestId('plan-coverage')).toHaveText(`Đã đọc đủ 404 trang, theo ${parts} phần rồi tổng hợp.`);
    await expect(page.locator('.answer__text')).toContainText('tổn thất về vật chất và tinh thần');
    await app.screenshot(testInfo, '78-map-reduce-done-vi');

    const sent = server.requests.slice(before);
    const system = (index: number) => sent[index]?.body.messages?.find((m) => m.role === 'system')?.content;
    expect(sent.filter((_, i) => system(i) === MAP_SYSTEM.vi)).toHaveLength(parts);
    expect(sent.filter((_, i) => system(i) === REDUCE_SYSTEM.vi)).toHaveLength(1);

    // The saved analysis says the same above its text.
    await page.locator('.history-row__button').first().click();
    await expect(page.locator('.analysis').getByTestId('plan-coverage')).toHaveText(
      `Đã đọc đủ 404 trang, theo ${parts} phần rồi tổng hợp.`,
    );
  } finally {
    await host.close();
  }
});
