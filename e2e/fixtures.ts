import { test as base } from '@playwright/test';
import { type AppHost, startHost } from './host/app-host';
import { AppPage } from './pages/app-page';

interface Fixtures {
  host: AppHost;
  app: AppPage;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
  host: async ({}, use) => {
    const host = startHost({ locale: 'vi-VN' });
    await use(host);
    host.close();
  },
  app: async ({ page, host }, use) => {
    await host.open(page);
    await use(await new AppPage(page).ready());
  },
});

export { expect } from '@playwright/test';
