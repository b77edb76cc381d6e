import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { ProviderTestServer } from '../../src/main/llm/testing/provider-test-server';
import { providerPresets } from '../../src/shared/provider-presets';
import { expect } from '../fixtures';
import { type AppHost, startHost } from '../host/app-host';
import { AppPage } from './app-page';

const CONTRACT = resolve(
  __dirname,
  '../../../shared/data/contracts-en/ADUROBIOTECH,INC_06_02_2020-EX-10.7-CONSULTING AGREEMENT.txt',
);

/** A host whose provider points at the test server, with a key, and the page open on it. */
export async function openWithTestProvider(
  page: Page,
  server: ProviderTestServer,
  key: string,
): Promise<{ host: AppHost; app: AppPage }> {
  const host = startHost({ locale: 'vi-VN' });
  const custom = providerPresets.find((p) => p.id === 'custom');
  if (!custom) throw new Error('no custom preset');
  host.services.providers.save({ ...custom, name: 'Máy chủ thử nghiệm', baseUrl: server.openaiBaseUrl });
  host.services.providers.setKey('custom', key);
  await host.open(page);
  const app = await new AppPage(page).ready();
  await page.getByLabel('Chọn tệp…').setInputFiles(CONTRACT);
  await expect(page.getByRole('article')).toHaveCount(1, { timeout: 20_000 });
  return { host, app };
}

export async function askPreset(page: Page, preset: string) {
  await page.getByLabel('Câu hỏi thường gặp').selectOption({ label: preset });
  await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
}

/** The 48-page chapter of the Commercial Law, the shared Vietnamese PDF with citations to check. */
export const STATUTE = resolve(
  __dirname,
  '../../../shared/data/contracts-vi/luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.pdf',
);

/** A host whose provider is a long-context model at the test server, with the statute dropped in. */
export async function openWithStatute(
  page: Page,
  server: ProviderTestServer,
  key: string,
  locale: 'vi-VN' | 'en-US' = 'vi-VN',
): Promise<{ host: AppHost; app: AppPage }> {
  const host = startHost({ locale });
  const custom = providerPresets.find((p) => p.id === 'custom');
  if (!custom) throw new Error('no custom preset');
  // The statute is about 35,000 tokens: a long-context model, as a reseller's moonshot-v1-200k is.
  const models = custom.models.map((model) => ({ ...model, contextWindow: 200_000 }));
  host.services.providers.save({ ...custom, name: 'Máy chủ thử nghiệm', baseUrl: server.openaiBaseUrl, models });
  host.services.providers.setKey('custom', key);
  await host.open(page);
  const app = await new AppPage(page).ready();
  await page.getByLabel(/Chọn tệp…|Choose files…/).setInputFiles(STATUTE);
  await expect(page.getByRole('article')).toHaveCount(1, { timeout: 30_000 });
  return { host, app };
}
