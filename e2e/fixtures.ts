import { test as base, expect } from '@playwright/test';
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
    await host.close();
  },
  app: async ({ page, host }, use) => {
    await host.open(page);
    await use(await new AppPage(page).ready());
    expectPolicyKept(host);
  },
});

/** Every response from the app carried the CSP, and nothing the window did broke it. */
export function expectPolicyKept(host: AppHost): void {
  const { csp } = host.windows();
  expect(csp.withoutPolicy, 'responses without a Content-Security-Policy').toEqual([]);
  expect(csp.violations, 'Content-Security-Policy violations').toEqual([]);
}

export { expect } from '@playwright/test';
