import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';

const SCREENSHOT_SIZES = [
  { width: 880, height: 560 },
  { width: 1366, height: 768 },
] as const;

/** The app as a lawyer sees it, by role and label rather than by CSS. */
export class AppPage {
  constructor(readonly page: Page) {}

  /** Resolves once the app has rendered its frame (settings are fetched before the first render). */
  async ready(): Promise<this> {
    await this.heading().waitFor();
    return this;
  }

  heading = () => this.page.getByRole('heading', { level: 1 });
  historyNav = () => this.page.getByRole('navigation');
  dropZone = () => this.page.getByRole('region').filter({ has: this.page.getByRole('heading', { level: 2 }) });
  settingsButton = (name: RegExp = /Cài đặt|Settings/) => this.page.getByRole('button', { name });
  settingsDialog = () => this.page.getByRole('dialog');
  languageOption = (name: 'Tiếng Việt' | 'English') => this.settingsDialog().getByRole('radio', { name });
  themeOption = (name: RegExp) => this.settingsDialog().getByRole('radio', { name });
  closeSettings = () => this.settingsDialog().getByRole('button', { name: /Đóng|Close/ });

  /**
   * The view at the narrowest window LexDesk allows (880×560) and at a common
   * laptop size (1366×768), saved where CI keeps artifacts and attached to the
   * test report; the page is left at the size it had.
   */
  async screenshot(testInfo: TestInfo, name: string, show?: Locator): Promise<void> {
    const dir = join('test-results', 'screenshots');
    mkdirSync(dir, { recursive: true });
    const before = this.page.viewportSize();
    try {
      for (const size of SCREENSHOT_SIZES) {
        await this.page.setViewportSize(size);
        // What the view is about, scrolled to at each size (a resize lays the page out anew).
        await show?.scrollIntoViewIfNeeded();
        const label = `${name}-${size.width}x${size.height}`;
        const path = join(dir, `${label}.png`);
        await this.page.screenshot({ path, fullPage: true });
        await testInfo.attach(label, { path, contentType: 'image/png' });
      }
    } finally {
      if (before) await this.page.setViewportSize(before);
    }
  }
}
