import { type ProviderTestServer, startProviderTestServer } from '../src/main/llm/testing/provider-test-server';
import { expect, test } from './fixtures';
import { askPreset, openWithTestProvider } from './pages/test-provider';

// From the workbench issue: what a lawyer saw that the first wave got wrong, one finding a test.

let server: ProviderTestServer;
test.beforeAll(async () => {
  server = await startProviderTestServer();
});
test.afterAll(() => server.close());

test('a price is dated by the lawyer typing it, not by an edit of the context window', async ({ app }) => {
  const { page } = app;
  await app.settingsButton().click();
  const dialog = app.settingsDialog();
  await dialog.getByLabel('Thêm nhà cung cấp').selectOption({ label: 'OpenAI-compatible (custom)' });
  await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
  const checked = dialog.getByText(/^Giá kiểm tra ngày/);
  await expect(checked).toHaveText('Giá kiểm tra ngày 2025-10-01');
  await dialog.getByLabel('local-model: Ngữ cảnh (token)').fill('65536');
  await expect(checked).toHaveText('Giá kiểm tra ngày 2025-10-01');
  await dialog.getByLabel('local-model: Đầu vào', { exact: true }).fill('0.5');
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  await expect(checked).toHaveText(`Giá kiểm tra ngày ${today}`);
});

test('"Hỏi" looks disabled until there is a question to ask', async ({ page }, testInfo) => {
  const { host, app } = await openWithTestProvider(page, server, 'sk-test-0123456789abcd');
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
  const key = 'sk-test-0123456789abcd';
  server.script({
    answer: 'Điều 3. Phí tư vấn €20,000 mỗi tháng [p. 1, Section 3]. Điều 7. Mỗi bên',
    apiKey: key,
    finishReason: 'length',
  });
  const { host, app } = await openWithTestProvider(page, server, key);
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
  } finally {
    await host.close();
  }
});

test('Esc goes back from a document to the list, and the new-matter dialog opens on its name field', async ({
  page,
}) => {
  const { host } = await openWithTestProvider(page, server, 'sk-test-0123456789abcd');
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
