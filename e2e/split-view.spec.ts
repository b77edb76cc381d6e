import { type ProviderTestServer, startProviderTestServer } from '../src/main/llm/testing/provider-test-server';
import { expect, test } from './fixtures';
import { accessibilityViolations, horizontalScroll, overflowsIn } from './pages/layout';
import { openWithStatute } from './pages/test-provider';

// The workbench issue: the answer and the document side by side, and every citation a link to its page.

const KEY = 'sk-test-0123456789abcd';
const CITED = 'Tạm nhập, tái xuất hàng hóa phải làm thủ tục hải quan [tr. 5, Điều 34.11.LQ.29].';
// Enough words after the citation that the answer is still streaming when it is clicked.
const REST = ' Thương nhân chịu trách nhiệm về hàng hóa trong thời gian tạm nhập.'.repeat(40);

let server: ProviderTestServer;
test.beforeAll(async () => {
  server = await startProviderTestServer();
});
test.afterAll(() => server.close());

for (const [locale, ask, question] of [
  ['vi-VN', 'Hỏi', 'Câu hỏi'],
  ['en-US', 'Ask', 'Question'],
] as const) {
  test(`${locale}: a citation in a streaming answer opens its page beside it, the answer still in view`, async ({
    page,
  }, testInfo) => {
    // A streamed answer, then axe-core over a 48-page PDF's text layers at two sizes: 28 s alone on 2 cores, past 30 s under load.
    test.setTimeout(120_000);
    server.script({ answer: CITED + REST, apiKey: KEY, tokensPerSecond: 12 });
    const { host, app } = await openWithStatute(page, server, KEY, locale);
    try {
      await page.getByLabel(question, { exact: true }).fill('Tạm nhập, tái xuất hàng hóa được quy định thế nào?');
      await page.getByRole('button', { name: ask, exact: true }).click();
      const answer = page.locator('.answer');
      const citation = answer.getByRole('button', { name: '[tr. 5, Điều 34.11.LQ.29]' });
      await citation.click();

      const viewer = page.locator('.split .viewer');
      await expect(viewer.locator('.viewer__body')).toHaveAttribute('data-current-page', '5');
      await expect(viewer.locator('.textLayer .text-highlight').first()).toBeVisible();
      await expect(answer).toHaveAttribute('aria-busy', 'true');
      await expect(answer).toBeInViewport();
      await expect(citation).toBeInViewport();
      await expect(viewer.getByRole('button', { name: /Đóng tài liệu|Close document/ })).toBeVisible();

      for (const size of [
        { width: 880, height: 560 },
        { width: 1366, height: 768 },
      ]) {
        await page.setViewportSize(size);
        await expect(answer).toBeInViewport();
        // Fitted anew to the pane, the page is drawn again and the clause is marked again, still in view.
        await expect(viewer.locator('.textLayer .text-highlight').first()).toBeInViewport();
        expect(await horizontalScroll(page), `sideways scroll at ${size.width}`).toBe(0);
        expect(await overflowsIn(page, '.split'), `overflow at ${size.width}×${size.height}`).toEqual([]);
        expect(await accessibilityViolations(page), `axe-core at ${size.width}×${size.height}`).toEqual([]);
      }
      await app.screenshot(testInfo, `70-split-streaming-${locale.slice(0, 2)}`);
    } finally {
      await host.close();
    }
  });
}

test('the separator resizes the answer from the keyboard, and the document pane closes back to the list', async ({
  page,
}) => {
  server.script({ answer: CITED, apiKey: KEY });
  const { host } = await openWithStatute(page, server, KEY);
  try {
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Tạm nhập là gì?');
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await page.locator('.answer').getByRole('button', { name: '[tr. 5, Điều 34.11.LQ.29]' }).click();
    const separator = page.getByRole('separator', { name: 'Độ rộng phần trả lời' });
    const before = Number(await separator.getAttribute('aria-valuenow'));
    const width = async () => (await page.locator('.split__pane--answer').boundingBox())?.width ?? 0;
    const wide = await width();
    await separator.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(separator).toHaveAttribute('aria-valuenow', String(before - 5));
    expect(await width()).toBeLessThan(wide);
    await page.keyboard.press('Home');
    await expect(separator).toHaveAttribute('aria-valuenow', '30');

    await page.getByRole('button', { name: 'Đóng tài liệu' }).click();
    await expect(page.locator('.split')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Tài liệu', exact: true })).toBeVisible();
  } finally {
    await host.close();
  }
});
