import { expect, test } from './fixtures';
import { startHost } from './host/app-host';
import { AppPage } from './pages/app-page';

test('opens in Vietnamese, switches to English, and stays in English after a reload and a restart', async ({
  app,
  host,
  browser,
}, testInfo) => {
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(app.heading()).toHaveText('LexDesk');
  await expect(app.page.getByRole('heading', { name: 'Thả hợp đồng vào đây' })).toBeVisible();
  await expect(app.page.getByText('Chưa có phân tích nào')).toBeVisible();
  await app.screenshot(testInfo, '01-first-start-vi');

  await app.settingsButton(/Cài đặt/).click();
  await expect(app.settingsDialog()).toBeVisible();
  await expect(app.languageOption('Tiếng Việt')).toBeChecked();
  await app.screenshot(testInfo, '02-settings-vi');

  await app.languageOption('English').check();
  await expect(app.settingsDialog().getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'en');
  await app.screenshot(testInfo, '03-settings-en');
  await app.closeSettings().click();
  await expect(app.settingsDialog()).toBeHidden();

  await app.page.reload();
  await expect(app.page.getByRole('heading', { name: 'Drop contracts here' })).toBeVisible();
  await expect(app.page.getByText('No analyses yet')).toBeVisible();
  await app.screenshot(testInfo, '04-after-reload-en');

  // A restart: new services on the same data dir, a new window.
  await host.close();
  const restarted = startHost({ dataDir: host.dataDir, locale: 'vi-VN' });
  try {
    const page = await browser.newPage();
    await restarted.open(page);
    await expect(new AppPage(page).settingsButton(/Settings/)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.close();
  } finally {
    await restarted.close();
  }
});

test('the dark theme chosen in Settings applies at once and survives a reload', async ({ app }, testInfo) => {
  const background = () =>
    app.page.evaluate(() => getComputedStyle(document.body.parentElement as Element).backgroundColor);
  const light = await background();

  await app.settingsButton().click();
  await app.themeOption(/Tối/).check();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(light);
  await app.screenshot(testInfo, '05-settings-dark-vi');

  await app.page.reload();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.screenshot(testInfo, '06-main-dark-vi');
});

test('the settings dialog is reachable and closable from the keyboard', async ({ app }) => {
  // The skip link comes first, then the top bar.
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.press('Tab');
  await expect(app.settingsButton()).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(app.settingsDialog()).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(app.settingsDialog()).toBeHidden();
});
