import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

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

  /** Saved where CI keeps artifacts, and attached to the test report. */
  async screenshot(testInfo: TestInfo, name: string): Promise<void> {
    const dir = join('test-results', 'screenshots');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  }
}
