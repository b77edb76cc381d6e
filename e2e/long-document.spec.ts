import { resolve } from 'node:path';
import { type ProviderTestServer, startProviderTestServer } from '../src/main/llm/testing/provider-test-server';
import { countTokensWith } from '../src/main/tokens/token-count';
import { MAP_SYSTEM, REDUCE_SYSTEM } from '../src/shared/prompt';
import { providerPresets } from '../src/shared/provider-presets';
import { expect, test } from './fixtures';
import { startHost } from './host/app-host';
import { AppPage } from './pages/app-page';
import { accessibilityViolations, horizontalScroll, overflowsIn } from './pages/layout';
import { openWithStatute } from './pages/test-provider';

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
    const facts = plans.locator('.plans__facts');
    await expect(facts.first()).toHaveText(/^≈ [\d.]+ token đầu vào · \d+ yêu cầu · ≈ .+ · đọc đủ 404 trang$/);
    // The focused plan: one request, its share of the text and the pages it leaves out said before sending.
    const focused = plans.getByRole('radio', {
      name: /Chỉ gửi \d+ đoạn trích liên quan nhất đến câu hỏi cho local-32k/,
    });
    await expect(focused).not.toBeChecked();
    await expect(facts.nth(1)).toHaveText(
      /^≈ [\d.]+ token đầu vào · 1 yêu cầu · ≈ .+ · chỉ đọc [\d,]+\s?% văn bản; \d+ trang không được gửi$/,
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

    // Focused first: one request, and the answer says above its text that it is partial, and which pages it lacks.
    const beforeFocused = server.requests.length;
    await focused.check();
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await expect(page.locator('.answer__status')).toHaveText('Hoàn tất', { timeout: 60_000 });
    const partial = page.getByTestId('plan-partial');
    await expect(partial.locator('p').first()).toHaveText(
      /^Câu trả lời chỉ dựa trên \d+ đoạn trích liên quan nhất đến câu hỏi \([\d,]+\s?% văn bản, thuộc \d+ trang\)\. \d+ trang còn lại không được gửi cho mô hình; điều khoản nằm ở đó sẽ không có trong câu trả lời\.$/,
    );
    const sentPages = Number((await partial.locator('p').first().textContent())?.match(/thuộc (\d+) trang/)?.[1]);
    const leftPages = Number((await partial.locator('p').first().textContent())?.match(/(\d+) trang còn lại/)?.[1]);
    expect(sentPages + leftPages).toBe(404);
    await partial.getByText('Các trang không được gửi').click();
    await expect(page.getByTestId('pages-left-out')).toHaveText(/^\d+(–\d+)?(, \d+(–\d+)?)*$/);
    expect(server.requests.length - beforeFocused).toBe(1);
    await expect(page.locator('.history-row__meta').first()).toContainText('chưa đọc hết tài liệu');
    await app.screenshot(testInfo, '80-focused-done-vi', page.getByTestId('plan-partial'));

    await option.check();
    const before = server.requests.length;
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    // Part by part, counted as they come back.
    const progress = page.getByTestId('parts-progress');
    await expect(progress).toHaveText(new RegExp(`^Đang đọc phần \\d+/${parts}$`));
    // The answer stands below the panel: shown as a lawyer scrolls to it.
    await app.screenshot(testInfo, '77-parts-progress-vi', progress);
    await expect(page.locator('.answer__status')).toHaveText('Hoàn tất', { timeout: 60_000 });
    await expect(page.getByTestId('plan-coverage')).toHaveText(`Đã đọc đủ 404 trang, theo ${parts} phần rồi tổng hợp.`);
    await expect(page.locator('.answer__text')).toContainText('tổn thất về vật chất và tinh thần');
    await app.screenshot(testInfo, '78-map-reduce-done-vi', page.getByTestId('plan-coverage'));

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

test('each citation checked against the statute: a verified quote opens marked beside the answer, an invented one is red', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const { host, app } = await openWithStatute(page, server, KEY);
  try {
    // A real sentence of Điều 34.11.LQ.29, on page 5, as the model would quote it; and one it made up.
    const [doc] = host.services.documents.list();
    const detail = host.services.documents.get(doc?.sha256 ?? '');
    const page5 = detail.pageTexts.find((p) => p.page === 5)?.text ?? '';
    const after = page5.slice(page5.indexOf('Điều 34.11.LQ.29'));
    const quote =
      after
        .split('\n')
        .find((line) => line.length > 60 && !line.startsWith('Điều') && !line.startsWith('('))
        ?.trim() ?? '';
    expect(quote.length).toBeGreaterThan(60);
    server.script({
      answer: `Luật quy định: “${quote}” [tr. 5, Điều 34.11.LQ.29]. Ngoài ra, “Bên bán được miễn mọi trách nhiệm khi giao hàng chậm” [tr. 6, Điều 34.11.LQ.30].`,
      apiKey: KEY,
      tokensPerSecond: 2_000,
    });
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Tạm nhập, tái xuất hàng hóa được quy định thế nào?');
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await expect(page.locator('.answer__status')).toHaveText('Hoàn tất');

    const checks = page.locator('.answer .citation-checks');
    await expect(checks.getByTestId('citation-summary')).toHaveText('2 trích dẫn: 1 khớp, 1 không tìm thấy');
    const invented = checks.locator('.citation-check--not-found');
    await expect(invented).toContainText('Không tìm thấy câu trích này trong tài liệu: mô hình có thể đã tự đặt ra.');
    await expect(invented.locator('.citation-check__reason')).toHaveCSS('color', 'rgb(163, 38, 27)');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The verified citation opens its page beside the answer, the quote marked there.
    await page.locator('.answer .answer__text').getByRole('button', { name: '[tr. 5, Điều 34.11.LQ.29]' }).click();
    const viewer = page.locator('.split .viewer');
    await expect(viewer.locator('.viewer__body')).toHaveAttribute('data-current-page', '5');
    const marked = viewer.locator('.textLayer .text-highlight');
    await expect(marked.first()).toBeVisible();
    expect((await marked.allTextContents()).join('').replace(/\s+/g, '')).toContain(
      quote.slice(0, 30).replace(/\s+/g, ''),
    );
    await expect(page.locator('.answer')).toBeInViewport();
    // Fitted anew to a wider pane, the page is drawn again and the quote marked again, in view.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(marked.first()).toBeInViewport();
    await page.setViewportSize({ width: 880, height: 560 });
    await expect(marked.first()).toBeInViewport();
    await app.screenshot(testInfo, '79-citations-checked-vi');
  } finally {
    await host.close();
  }
});
