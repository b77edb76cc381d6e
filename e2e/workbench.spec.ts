import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProviderTestServer, startProviderTestServer } from '../src/main/llm/testing/provider-test-server';
import { expect, test } from './fixtures';
import { startHost } from './host/app-host';
import { AppPage } from './pages/app-page';
import { askPreset, openWithTestProvider } from './pages/test-provider';

// From the workbench issue: what a lawyer saw that the first wave got wrong, one finding a test.

/** The test server's key, for every test here but the reseller's own. */
const KEY = 'sk-test-0123456789abcd';

let server: ProviderTestServer;
test.beforeAll(async () => {
  server = await startProviderTestServer();
});
test.afterAll(() => server.close());

test('a price is dated by the lawyer typing it, not by an edit of the context window', async ({ app }) => {
  const { page } = app;
  await app.settingsButton().click();
  const dialog = app.settingsDialog();
  await dialog.getByLabel('Thêm nhà cung cấp').selectOption({ label: 'Máy chủ tương thích OpenAI (tự cấu hình)' });
  await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
  const checked = dialog.getByText(/^Giá kiểm tra ngày/);
  await expect(checked).toHaveText('Giá kiểm tra ngày 1 tháng 10 năm 2025');
  await dialog.getByLabel('local-model: Giới hạn đầu vào (token)').fill('65536');
  await expect(checked).toHaveText('Giá kiểm tra ngày 1 tháng 10 năm 2025');
  await dialog.getByLabel('local-model: Đầu vào', { exact: true }).fill('0.5');
  const [year, month, day] = await page.evaluate(() => new Date().toISOString().slice(0, 10).split('-').map(Number));
  await expect(checked).toHaveText(`Giá kiểm tra ngày ${day} tháng ${month} năm ${year}`);
});

test('"Hỏi" looks disabled until there is a question to ask', async ({ page }, testInfo) => {
  const { host, app } = await openWithTestProvider(page, server, KEY);
  try {
    const ask = page.getByRole('button', { name: 'Hỏi', exact: true });
    await expect(ask).toBeDisabled();
    await expect(ask).toHaveCSS('opacity', '0.5');
    await expect(ask).toHaveCSS('cursor', 'not-allowed');
    await app.screenshot(testInfo, '60-ask-disabled-vi');
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Điều khoản phạt vi phạm là gì?');
    await expect(ask).toBeEnabled();
    await expect(ask).toHaveCSS('opacity', '1');
  } finally {
    await host.close();
  }
});

test('an answer the model cut off at its output limit says so, live, in the history and in the saved view', async ({
  page,
}, testInfo) => {
  server.script({
    answer: 'Điều 3. Phí tư vấn €20,000 mỗi tháng [p. 1, Section 3]. Điều 7. Mỗi bên',
    apiKey: KEY,
    finishReason: 'length',
  });
  const { host, app } = await openWithTestProvider(page, server, KEY);
  try {
    await askPreset(page, 'Điều khoản thanh toán');
    const answer = page.locator('.answer');
    await expect(answer.getByTestId('cut-off')).toContainText('giới hạn độ dài trả lời');
    await expect(answer.getByRole('status').first()).toHaveText('Bị cắt ngang ở giới hạn độ dài trả lời của mô hình');
    const row = page.locator('.history-row__button').first();
    await expect(row).toContainText('bị cắt ngang');
    await app.screenshot(testInfo, '61-answer-cut-off-vi');
    await row.click();
    await expect(page.getByText('Câu trả lời dừng ở giới hạn độ dài trả lời của mô hình')).toBeVisible();

    // Asked to go on, the model continues in the same thread, after the part it wrote.
    server.script({ answer: 'có quyền chấm dứt với 30 ngày báo trước [p. 4, Section 7].', apiKey: KEY });
    await page.getByRole('button', { name: 'Viết tiếp phần bị cắt' }).click();
    await expect(page.locator('.answer__status')).toHaveText('Hoàn tất');
    await expect(page.locator('.answer .answer__text')).toContainText('30 ngày báo trước');
    const last = server.requests.at(-1)?.body.messages ?? [];
    expect(last.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(String(last[2]?.content)).toContain('Điều 7. Mỗi bên');
    expect(String(last[3]?.content)).toContain('viết tiếp đúng từ chỗ đã dừng');
  } finally {
    await host.close();
  }
});

test('Esc goes back from a document to the list, and the new-matter dialog opens on its name field', async ({
  page,
}) => {
  const { host } = await openWithTestProvider(page, server, KEY);
  try {
    await page.getByRole('article').getByRole('button', { name: 'Mở', exact: true }).click();
    await expect(page.getByText('Thả hợp đồng vào đây')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByText('Thả hợp đồng vào đây')).toBeVisible();

    await page.getByRole('button', { name: '+ Vụ việc mới' }).click();
    await expect(page.getByLabel('Tên vụ việc')).toBeFocused();
    // Esc inside the dialog closes the dialog only.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByText('Thả hợp đồng vào đây')).toBeVisible();
  } finally {
    await host.close();
  }
});

test('a search narrows to a kind of hit and to one document', async ({ page }, testInfo) => {
  const host = startHost({ locale: 'vi-VN' });
  try {
    for (const [name, text] of [
      ['Hợp đồng mua bán.txt', 'Điều 301. Mức phạt vi phạm không quá 8% giá trị phần nghĩa vụ bị vi phạm.'],
      ['Hợp đồng dịch vụ.txt', 'Điều 9. Phạt vi phạm nghĩa vụ bảo mật: 5% giá trị hợp đồng.'],
      ['Phạt chậm thanh toán.txt', 'Điều 2. Lãi chậm trả theo lãi suất nợ quá hạn.'],
    ] as const) {
      await host.services.documents.ingest({ ingestId: name, name, bytes: new TextEncoder().encode(text) });
    }
    await host.open(page);
    const app = await new AppPage(page).ready();
    const sidebar = page.getByRole('navigation');
    await sidebar.getByRole('searchbox', { name: 'Tìm trong lịch sử' }).fill('phat');
    const hits = sidebar.locator('.search-hit');
    await expect(hits).toHaveCount(3);
    await sidebar.getByLabel('Tìm trong', { exact: true }).selectOption({ label: 'Nội dung các trang' });
    await expect(hits).toHaveCount(2);
    await expect(hits.locator('.search-hit__kind')).toHaveText(['Trang 1', 'Trang 1']);
    await sidebar.getByLabel('Tài liệu', { exact: true }).selectOption({ label: 'Hợp đồng dịch vụ.txt' });
    await expect(hits).toHaveCount(1);
    await expect(hits).toContainText('Hợp đồng dịch vụ.txt');
    await app.screenshot(testInfo, '62-search-filtered-vi');
    await sidebar.getByLabel('Tìm trong', { exact: true }).selectOption({ label: 'Tất cả' });
    await sidebar.getByLabel('Tài liệu', { exact: true }).selectOption({ label: 'Mọi tài liệu' });
    await expect(hits).toHaveCount(3);
  } finally {
    await host.close();
  }
});

test('the first Tab reaches a skip link to the main area, and Ctrl+F finds in the open document', async ({
  page,
}, testInfo) => {
  const { host, app } = await openWithTestProvider(page, server, KEY);
  try {
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: 'Bỏ qua danh sách, đến nội dung chính' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await app.screenshot(testInfo, '63-skip-link-vi');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();

    await page.getByRole('article').getByRole('button', { name: 'Mở', exact: true }).click();
    await page.keyboard.press('Control+f');
    await expect(page.getByRole('searchbox', { name: 'Tìm trong tài liệu' })).toBeFocused();
  } finally {
    await host.close();
  }
});

test('the question being written survives a look at the document, "Hỏi lại" names its model, and the answer copies and exports', async ({
  page,
}, testInfo) => {
  server.script({ answer: 'Phí tư vấn €20,000 mỗi tháng [p. 1, Section 3].', apiKey: KEY });
  const { host, app } = await openWithTestProvider(page, server, KEY);
  try {
    const question = page.getByLabel('Câu hỏi', { exact: true });
    await question.fill('Phí tư vấn là bao nhiêu?');
    await page.getByRole('article').getByRole('button', { name: 'Mở', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(question).toHaveValue('Phí tư vấn là bao nhiêu?');
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Hỏi lại với local-model' })).toBeVisible();
    // The answer just given exports as a saved one does.
    const out = mkdtempSync(join(tmpdir(), 'lexdesk-e2e-live-export-'));
    host.dialogs.nextSaveFile = join(out, 'phi-tu-van');
    await page.locator('.answer').getByRole('button', { name: 'Xuất ra Markdown' }).click();
    await expect(page.getByText(`Đã lưu tại ${join(out, 'phi-tu-van.md')}`)).toBeVisible();
    expect(readFileSync(join(out, 'phi-tu-van.md'), 'utf8')).toContain('Phí tư vấn €20,000 mỗi tháng');
    // Copied by main onto the system clipboard, as text and as HTML for Word.
    await page.locator('.answer').getByRole('button', { name: 'Sao chép', exact: true }).click();
    await expect(page.getByText('Đã sao chép phân tích; có thể dán vào Word hoặc email.')).toBeVisible();
    expect(host.app.module.clipboard.readText()).toBe('Phí tư vấn €20,000 mỗi tháng [p. 1, Section 3].');
    expect(host.app.module.clipboard.readHTML()).toBe('<p>Phí tư vấn €20,000 mỗi tháng [p. 1, Section 3].</p>');
    await page.locator('.answer').scrollIntoViewIfNeeded();
    await app.screenshot(testInfo, '64-live-answer-exported-vi');
  } finally {
    await host.close();
  }
});

test('a reseller set up by hand: named "HolySheep", its model typed in, answers; a second model is in the picker', async ({
  page,
}, testInfo) => {
  const key = 'sk-holysheep-0123456789';
  server.script({
    answer: 'Phí tư vấn €20,000 mỗi tháng [p. 1, Section 3].',
    apiKey: key,
    models: ['moonshot-v1-200k'],
  });
  const host = startHost({ locale: 'vi-VN' });
  try {
    await host.open(page);
    const app = await new AppPage(page).ready();
    await app.settingsButton().click();
    const dialog = app.settingsDialog();
    await dialog.getByLabel('Thêm nhà cung cấp').selectOption({ label: 'Máy chủ tương thích OpenAI (tự cấu hình)' });
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    const provider = dialog.locator('fieldset.provider');
    await provider.getByLabel('Tên', { exact: true }).fill('HolySheep');
    await provider.getByLabel('Địa chỉ máy chủ API').fill(server.openaiBaseUrl);
    await provider.getByRole('textbox', { name: 'Mã mô hình 1' }).fill('moonshot-v1-200k');
    await provider.getByLabel('moonshot-v1-200k: Giới hạn đầu vào (token)').fill('200000');
    await provider.getByRole('button', { name: '+ Thêm mô hình' }).click();
    await provider.getByRole('textbox', { name: 'Mã mô hình 2' }).fill('moonshot-v1-128k');
    await provider.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(provider.locator('legend.provider__name')).toHaveText('HolySheep');
    await provider.getByLabel('Khóa API của HolySheep').fill(key);
    await provider.getByRole('button', { name: 'Lưu khóa' }).click();
    await expect(provider.getByText('Đã lưu khóa: …6789').first()).toBeVisible();
    // The reseller's own list, offered as suggestions in the model ID fields.
    await provider.getByRole('button', { name: 'Lấy danh sách mô hình từ nhà cung cấp' }).click();
    await expect(provider.getByText('Nhà cung cấp có 1 mô hình; gõ vào ô mã mô hình để chọn.')).toBeVisible();
    await expect(provider.locator('datalist option')).toHaveAttribute('value', 'moonshot-v1-200k');
    // A second custom endpoint can be added beside it, under a name of its own.
    await expect(
      dialog.getByLabel('Thêm nhà cung cấp').locator('option', { hasText: 'Máy chủ tương thích OpenAI (tự cấu hình)' }),
    ).toHaveCount(1);
    await provider.getByRole('button', { name: '+ Thêm mô hình' }).scrollIntoViewIfNeeded();
    await app.screenshot(testInfo, '65-provider-holysheep-vi');
    // The dialog scrolls: its models, as the lawyer sees them at the smallest window.
    await page.setViewportSize({ width: 880, height: 560 });
    await provider.screenshot({ path: 'test-results/screenshots/65-provider-models-vi-880.png' });
    await app.closeSettings().click();

    await page
      .getByLabel('Chọn tệp…')
      .setInputFiles(
        join(__dirname, '../../shared/data/contracts-en/ADUROBIOTECH,INC_06_02_2020-EX-10.7-CONSULTING AGREEMENT.txt'),
      );
    await expect(page.getByRole('article')).toHaveCount(1, { timeout: 20_000 });
    const picker = page.getByLabel('Mô hình', { exact: true });
    await expect(picker.locator('option')).toHaveText(['HolySheep — moonshot-v1-200k', 'HolySheep — moonshot-v1-128k']);
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Phí tư vấn là bao nhiêu?');
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await expect(page.locator('.answer__status')).toHaveText('Hoàn tất');
    await expect(page.locator('.answer .answer__text')).toContainText('€20,000');
    expect(server.requests.at(-1)?.body.model).toBe('moonshot-v1-200k');
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${key}`);
  } finally {
    await host.close();
  }
});

test('one question shows one input figure: the panel before asking and the live counter after', async ({ page }) => {
  server.script({ answer: 'Phí tư vấn €20,000 mỗi tháng [p. 1, Section 3].', apiKey: KEY, firstByteDelayMs: 1500 });
  const { host } = await openWithTestProvider(page, server, KEY);
  try {
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Phí tư vấn là bao nhiêu, và trả trong bao lâu?');
    const panel = page.locator('.ask__estimate');
    await expect(panel).toHaveText(/^≈ [\d.]+ token đầu vào/);
    const before = (await panel.textContent())?.match(/^≈ ([\d.]+)/)?.[1];
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await expect(page.locator('[data-counter="input"] dd')).toHaveText(`≈ ${before}`);
  } finally {
    await host.close();
  }
});

test('a follow-up is asked in the thread: the documents go first, unchanged, and the cached input is counted', async ({
  page,
}, testInfo) => {
  server.script({ answer: 'Phí tư vấn €20,000 mỗi tháng [p. 1, Section 3].', apiKey: KEY });
  const { host, app } = await openWithTestProvider(page, server, KEY);
  try {
    const before = server.requests.length;
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Phí tư vấn là bao nhiêu?');
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await expect(page.locator('.answer__status')).toHaveText('Hoàn tất');

    server.script({
      answer: 'Mỗi bên được chấm dứt với 30 ngày báo trước [p. 4, Section 9].',
      apiKey: KEY,
      usage: { input: 3_400, cachedInput: 3_072, output: 18 },
      firstByteDelayMs: 1500,
    });
    await page.getByLabel(/^Hỏi tiếp về các tài liệu này/).fill('Còn thời hạn báo trước khi chấm dứt?');
    // The follow-up's estimate counts the thread before it, and is the figure main then starts from.
    const estimate = page.locator('.follow-up .ask__estimate');
    await expect(estimate).toHaveText(/^≈ [\d.]+ token đầu vào/);
    const estimated = (await estimate.textContent())?.match(/^≈ ([\d.]+)/)?.[1];
    await page.getByRole('button', { name: 'Hỏi tiếp', exact: true }).click();
    await expect(page.locator('.answer__question')).toHaveText('Còn thời hạn báo trước khi chấm dứt?');
    await expect(page.locator('[data-counter="input"] dd')).toHaveText(`≈ ${estimated}`);
    await expect(page.locator('.answer__status')).toHaveText('Hoàn tất');
    await expect(page.locator('[data-counter="cached"] dd')).toHaveText('3.072');
    await expect(page.locator('[data-counter="input"] dd')).toHaveText('3.400');

    const [first, second] = server.requests.slice(before).map((request) => request.body.messages ?? []);
    expect(second?.slice(0, 2)).toEqual(first?.slice(0, 2));
    expect(second?.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    await app.screenshot(testInfo, '66-follow-up-vi');

    // The saved follow-up shows the thread before it.
    await page.locator('.history-row__button').first().click();
    await page.getByText('Câu hỏi tiếp theo, sau 1 câu hỏi trước về cùng tài liệu').click();
    await expect(page.locator('.thread__question')).toHaveText(['Phí tư vấn là bao nhiêu?']);
    await app.screenshot(testInfo, '67-thread-saved-vi');
  } finally {
    await host.close();
  }
});

test('the risk question asks which party we act for before it is written', async ({ page }) => {
  const { host } = await openWithTestProvider(page, server, KEY);
  try {
    await page.getByLabel('Câu hỏi thường gặp').selectOption({ label: 'Rủi ro cho phía chúng tôi' });
    const question = page.getByLabel('Câu hỏi', { exact: true });
    await expect(question).toHaveValue('');
    await page.getByLabel('Chúng tôi đại diện cho').selectOption({ label: 'Bên thuê' });
    await expect(question).toHaveValue(/^Chúng tôi đại diện cho Bên thuê\. .*rủi ro cho Bên thuê/);
    await expect(page.getByLabel('Chúng tôi đại diện cho')).toHaveCount(0);
  } finally {
    await host.close();
  }
});

test('costs show in đồng beside US$ at the rate the lawyer set and dated, with no look-up', async ({
  page,
}, testInfo) => {
  const { host, app } = await openWithTestProvider(page, server, KEY);
  try {
    await app.settingsButton().click();
    const dialog = app.settingsDialog();
    await expect(dialog.getByText(/^Chi phí chỉ hiện theo đơn vị tiền của nhà cung cấp/)).toBeVisible();
    await dialog.getByLabel('Số đồng cho 1 US$').fill('26.100');
    await dialog.getByLabel('Ngày lấy tỷ giá').fill('2026-12-01');
    await dialog.getByRole('button', { name: 'Lưu tỷ giá' }).click();
    await expect(dialog.getByText('Quy đổi theo tỷ giá 1 US$ = 26.100 ₫, lấy ngày 1 tháng 12 năm 2026.')).toBeVisible();
    await app.closeSettings().click();
    expect(host.services.settings.get().vndRate).toEqual({ perUsd: 26_100, checkedOn: '2026-12-01' });
    // The card's estimates for the priced presets show both amounts.
    await expect(page.locator('.estimates td.numeric').filter({ hasText: '₫' }).first()).toBeVisible();
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Phí tư vấn là bao nhiêu?');
    await expect(page.locator('.ask__estimate')).toContainText('₫');
    await app.screenshot(testInfo, '68-costs-in-dong-vi');
  } finally {
    await host.close();
  }
});

test('Ollama running at its default port is offered in Settings and added with its models', async ({ page }) => {
  // A server speaking Ollama's OpenAI-compatible API where Ollama listens when installed as it comes.
  const ollama = await startProviderTestServer({ answer: 'Có.', models: ['qwen2.5:14b', 'llama3.1:8b'] }, 11434);
  const host = startHost({ locale: 'vi-VN' });
  try {
    await host.open(page);
    const app = await new AppPage(page).ready();
    await app.settingsButton().click();
    const dialog = app.settingsDialog();
    await expect(dialog.getByText('Ollama đang chạy trên máy này, với 2 mô hình.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Thêm Ollama' }).click();
    const provider = dialog.locator('fieldset.provider');
    await expect(provider.locator('legend.provider__name')).toHaveText('Ollama');
    await expect(provider.getByRole('textbox', { name: 'Mã mô hình 1' })).toHaveValue('llama3.1:8b');
    await expect(provider.getByRole('textbox', { name: 'Mã mô hình 2' })).toHaveValue('qwen2.5:14b');
    expect(host.services.providers.list()[0]?.models.map((m) => m.model)).toEqual(['llama3.1:8b', 'qwen2.5:14b']);
    await expect(dialog.getByText('Ollama đang chạy trên máy này, với 2 mô hình.')).toHaveCount(0);
  } finally {
    await host.close();
    await ollama.close();
  }
});

test('a provider’s own limits are set in Settings (Moonshot’s tier 1: 50 at once, 200 a minute, 2M tokens) and kept', async ({
  page,
}, testInfo) => {
  const { host, app } = await openWithTestProvider(page, server, KEY);
  try {
    await app.settingsButton().click();
    const provider = app.settingsDialog().locator('fieldset.provider');
    const limits = provider.getByRole('group', { name: 'Giới hạn của nhà cung cấp' });
    await limits.getByLabel('Yêu cầu cùng lúc').fill('50');
    await limits.getByLabel('Yêu cầu mỗi phút').fill('200');
    await limits.getByLabel('Token mỗi phút').fill('2000000');
    await provider.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(provider.getByRole('button', { name: 'Lưu thay đổi' })).toHaveCount(0);
    expect(host.services.providers.limits('custom')).toEqual({
      concurrency: 50,
      requestsPerMinute: 200,
      tokensPerMinute: 2_000_000,
    });
    await limits.scrollIntoViewIfNeeded();
    await app.screenshot(testInfo, '80-provider-limits-vi');
    // Emptied again, the provider is back to LexDesk's default.
    for (const label of ['Yêu cầu cùng lúc', 'Yêu cầu mỗi phút', 'Token mỗi phút'])
      await limits.getByLabel(label).fill('');
    await provider.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(provider.getByRole('button', { name: 'Lưu thay đổi' })).toHaveCount(0);
    expect(host.services.providers.limits('custom')).toEqual({
      concurrency: 4,
      requestsPerMinute: null,
      tokensPerMinute: null,
    });
  } finally {
    await host.close();
  }
});
