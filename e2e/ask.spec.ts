import type { Page } from '@playwright/test';
import { type ProviderTestServer, startProviderTestServer } from '../src/main/llm/testing/provider-test-server';
import { expect, test } from './fixtures';
import { askPreset, openWithTestProvider } from './pages/test-provider';

const KEY = 'sk-test-0123456789abcd';
const ANSWER = [
  '## Thanh toán',
  '',
  '- Phí tư vấn **€20,000** mỗi tháng, thanh toán hằng tháng [p. 1, Section 3].',
  '- Chi phí hợp lý được hoàn trả khi có chứng từ [p. 2, Section 4].',
  '',
  '## Chấm dứt',
  '',
  'Mỗi bên có thể chấm dứt hợp đồng bằng văn bản báo trước ba mươi (30) ngày [p. 3, Section 7].',
  '',
  // A model can be made to emit HTML (a prompt injection in a contract, say); it must never become live markup.
  '<img src="x" onerror="window.__pwned = true"> <script>window.__pwned = true</script>',
].join('\n');

let server: ProviderTestServer;
test.beforeAll(async () => {
  server = await startProviderTestServer();
});
test.afterAll(() => server.close());

const openWithProvider = (page: Page) => openWithTestProvider(page, server, KEY);

const counter = (page: Page, id: string) => page.locator(`[data-counter="${id}"] dd`);

test('a provider is set up in Settings: address, key (never sent back), test connection', async ({ app }, testInfo) => {
  server.script({ answer: 'OK', apiKey: KEY });
  const { page } = app;
  await app.settingsButton().click();
  const dialog = app.settingsDialog();
  await dialog.getByLabel('Thêm nhà cung cấp').selectOption({ label: 'Máy chủ tương thích OpenAI (tự cấu hình)' });
  await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
  const url = dialog.getByLabel('Địa chỉ máy chủ API');
  await url.fill(server.openaiBaseUrl);
  await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await dialog.getByLabel(/Khóa API của/).fill(KEY);
  await dialog.getByRole('button', { name: 'Lưu khóa' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Đã lưu khóa: …abcd' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
  await expect(dialog.getByText(/Kết nối tốt: local-model trả lời sau \d+ ms/)).toBeVisible();
  expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${KEY}`);
  // What the window can learn of providers holds the last four characters only.
  const seen = await page.evaluate(() =>
    (window as unknown as { api: { providers: { list(): Promise<unknown> } } }).api.providers.list(),
  );
  expect(JSON.stringify(seen)).toContain('"last4":"abcd"');
  expect(JSON.stringify(seen)).not.toContain(KEY);
  await app.screenshot(testInfo, '20-settings-provider-vi');

  // The key is bound to the address it was entered for: pointing the provider elsewhere deletes it, and says so.
  await expect(dialog.getByText(`Khóa chỉ được gửi tới ${new URL(server.openaiBaseUrl).origin}.`)).toBeVisible();
  const elsewhere = server.openaiBaseUrl.replace('127.0.0.1', 'localhost');
  await url.fill(elsewhere);
  await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(
    dialog
      .getByRole('status')
      .filter({ hasText: /Địa chỉ máy chủ đã đổi sang http:\/\/localhost:\d+, nên khóa API cũ đã bị xóa/ }),
  ).toBeVisible();
  // The connection tested before was to the old address with the old key: its result no longer holds.
  await expect(dialog.getByText(/Kết nối tốt/)).toBeHidden();
  await app.screenshot(testInfo, '20b-settings-key-cleared-vi');

  // Removing asks first, in place; cancelling keeps it.
  await dialog.getByRole('button', { name: 'Xóa', exact: true }).click();
  const confirm = dialog.getByRole('region', { name: /cùng khóa API đã lưu/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Hủy' }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog.getByLabel('Địa chỉ máy chủ API')).toBeVisible();
  await dialog.getByRole('button', { name: 'Xóa', exact: true }).click();
  await confirm.getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(dialog.getByText('Chưa có nhà cung cấp nào. Hãy thêm một nhà cung cấp để đặt câu hỏi.')).toBeVisible();
});

test('the answer streams with moving counters, and Stop keeps the partial answer', async ({ page }, testInfo) => {
  server.script({ answer: ANSWER, apiKey: KEY, tokensPerSecond: 6 });
  const { host, app } = await openWithProvider(page);
  try {
    await expect(page.getByRole('status').filter({ hasText: /≈ [\d.]+ token đầu vào/ })).toBeVisible();
    await askPreset(page, 'Điều khoản thanh toán');
    const status = page.locator('.answer').getByRole('status').first();
    await expect(status).toHaveText('Đang trả lời…');
    await expect(counter(page, 'output')).not.toHaveText('≈ 0', { timeout: 10_000 });
    const first = await counter(page, 'output').textContent();
    await expect(counter(page, 'output')).not.toHaveText(first ?? '', { timeout: 10_000 });
    await expect(counter(page, 'ttft')).toHaveText(/\d,\d giây/);
    await expect(counter(page, 'cost')).toHaveText(/US\$/);
    await app.screenshot(testInfo, '21-answer-streaming-vi');

    await page.getByRole('button', { name: 'Dừng' }).click();
    await expect(status).toHaveText('Đã dừng: phần câu trả lời đã nhận được giữ lại');
    const shown = (await page.locator('.answer__text').textContent()) ?? '';
    expect(shown.length).toBeGreaterThan(0);
    const stored = host.services.db.prepare('SELECT status, text FROM answers').get() as {
      status: string;
      text: string;
    };
    expect(stored.status).toBe('stopped');
    expect(stored.text.length).toBeGreaterThan(0);
    expect(stored.text.length).toBeLessThan(ANSWER.length);
    await app.screenshot(testInfo, '22-answer-stopped-vi');
  } finally {
    await host.close();
  }
});

test('a refused key shows INVALID_API_KEY pointing to Settings', async ({ page }, testInfo) => {
  server.script({ answer: ANSWER, apiKey: 'another-key' });
  const { host, app } = await openWithProvider(page);
  try {
    await askPreset(page, 'Chấm dứt hợp đồng');
    const alert = page.locator('.answer').getByRole('alert');
    await expect(alert).toContainText('từ chối khóa API');
    await expect(alert).toContainText('Cài đặt');
    await expect(alert).toContainText('INVALID_API_KEY');
    await app.screenshot(testInfo, '23-answer-invalid-key-vi');
  } finally {
    await host.close();
  }
});

test('a 429 counts down visibly as Retry-After says, then the answer arrives', async ({ page }, testInfo) => {
  server.script({
    answer: ANSWER,
    apiKey: KEY,
    tokensPerSecond: 200,
    faults: [{ kind: 'status', status: 429, retryAfterSeconds: 3 }],
  });
  const { host, app } = await openWithProvider(page);
  try {
    await askPreset(page, 'Tóm tắt hợp đồng');
    const countdown = page.getByTestId('retry-countdown');
    await expect(countdown).toContainText('Thử lại sau 3 giây (lần 1/4)');
    await app.screenshot(testInfo, '24-answer-rate-limited-vi');
    await expect(countdown).toContainText('Thử lại sau 2 giây');
    await expect(countdown).toContainText('Thử lại sau 1 giây');
    await expect(page.getByText('Hoàn tất')).toBeVisible({ timeout: 10_000 });
    await expect(countdown).toBeHidden();
    await expect(page.locator('.answer__text h2').first()).toHaveText('Thanh toán');
    await expect(counter(page, 'output')).not.toHaveText(/≈/);
    await expect(page.locator('.answer__text img, .answer__text script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await app.screenshot(testInfo, '25-answer-done-vi');
  } finally {
    await host.close();
  }
});
