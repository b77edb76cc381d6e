import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/host/chromium';

// The shell and the CLI under test check every answer against its channel's output schema (src/main/app.ts).
process.env.LEXDESK_CHECK_OUTPUTS = '1';

export default defineConfig({
  testDir: 'e2e',
  // e2e/standin holds Vitest tests of the Electron stand-in, not Playwright specs.
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
});
