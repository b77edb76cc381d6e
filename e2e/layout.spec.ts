import type { Page } from '@playwright/test';
import { type ProviderTestServer, startProviderTestServer } from '../src/main/llm/testing/provider-test-server';
import { expect, test } from './fixtures';
import { accessibilityViolations, horizontalScroll, overflowsIn } from './pages/layout';
import { openWithTestProvider } from './pages/test-provider';

// The workbench issue's first target: at the smallest window and a common one, in both languages, nothing in
// the card, the viewer, a saved analysis (alone and beside its document) or Settings sticks out of its box,
// and the window never scrolls sideways; and axe-core finds nothing on any of them.

const SIZES = [
  { width: 880, height: 560 },
  { width: 1366, height: 768 },
] as const;
const KEY = 'sk-test-0123456789abcd';

let server: ProviderTestServer;
test.beforeAll(async () => {
  server = await startProviderTestServer();
});
test.afterAll(() => server.close());

async function expectLaidOut(page: Page, view: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Two frames for the resize observers (the PDF fits itself to its pane) to settle.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await horizontalScroll(page), `${view} at ${size.width}×${size.height}: sideways scroll`).toBe(0);
    expect(await overflowsIn(page, '.app'), `${view} at ${size.width}×${size.height}`).toEqual([]);
    expect(await accessibilityViolations(page), `axe-core: ${view} at ${size.width}×${size.height}`).toEqual([]);
  }
}

for (const language of ['vi', 'en'] as const) {
  test(`${language}: the card, the viewer, a saved analysis and Settings fit their boxes at both sizes`, async ({
    page,
  }, testInfo) => {
    // Five views, each measured and checked by axe-core at two sizes: about 25 s alone on 2 cores.
    test.setTimeout(90_000);
    server.script({
      answer:
        '## Phí tư vấn\n\nPhí tư vấn là €20,000 mỗi tháng [p. 1, Section 3]; hóa đơn thanh toán trong 30 ngày [p. 2, Section 4].',
      apiKey: KEY,
    });
    const { host, app } = await openWithTestProvider(page, server, KEY);
    try {
      if (language === 'en') {
        await app.settingsButton().click();
        await app.languageOption('English').check();
        await app.closeSettings().click();
      }
      const t = language === 'vi' ? VI : EN;
      await expectLaidOut(page, 'the card');

      await page.getByRole('article').getByRole('button', { name: t.open, exact: true }).click();
      await expect(page.locator('.viewer__body')).toBeVisible();
      await expectLaidOut(page, 'the viewer');
      await page.getByRole('button', { name: t.back }).click();

      await page.getByLabel(t.question, { exact: true }).fill('What are the consulting fees?');
      await page.getByRole('button', { name: t.ask, exact: true }).click();
      await expect(page.locator('.answer__status')).toHaveText(t.done);
      await page.locator('.history-row__button').first().click();
      await expect(page.locator('.analysis .answer__text')).toContainText('€20,000');
      await expectLaidOut(page, 'a saved analysis');
      await app.screenshot(testInfo, `71-analysis-${language}`);

      await page.locator('.analysis').getByRole('button', { name: '[p. 2, Section 4]' }).click();
      await expect(page.locator('.split .viewer__body')).toBeVisible();
      await expect(page.locator('.split .analysis')).toBeVisible();
      await expectLaidOut(page, 'a saved analysis beside its document');
      await app.screenshot(testInfo, `72-analysis-split-${language}`);

      await app.settingsButton().click();
      await expect(app.settingsDialog()).toBeVisible();
      // Every shortcut in one place.
      await expect(app.settingsDialog().locator('kbd')).toHaveText(['Ctrl+F', 'Esc', 'Ctrl+Enter', 'Tab', '← →']);
      await app
        .settingsDialog()
        .getByRole('heading', { name: /Phím tắt|Keyboard shortcuts/ })
        .scrollIntoViewIfNeeded();
      await app
        .settingsDialog()
        .locator('#shortcuts-heading')
        .locator('..')
        .screenshot({
          path: `test-results/screenshots/74-shortcuts-${language}.png`,
        });
      await expectLaidOut(page, 'Settings');
      await app.screenshot(testInfo, `73-settings-${language}`);
      // The models table, with its output-limit column, at both sizes.
      await app.settingsDialog().locator('fieldset.provider table').first().scrollIntoViewIfNeeded();
      await app.screenshot(testInfo, `75-provider-models-${language}`);
    } finally {
      await host.close();
    }
  });
}

const VI = {
  open: 'Mở',
  back: '← Tài liệu',
  question: 'Câu hỏi',
  ask: 'Hỏi',
  done: 'Hoàn tất',
};
const EN = { open: 'Open', back: '← Documents', question: 'Question', ask: 'Ask', done: 'Done' };
