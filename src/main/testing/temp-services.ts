import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { createServices, type Services, type ServicesOptions } from '../services';

/** Real services on a real database file in a fresh temporary folder. */
export function createTempServices(
  options: Partial<ServicesOptions> = {},
): Services & { dataDir: string; dispose(): void } {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lexdesk-test-'));
  const services = createServices({ dataDir, locale: 'vi-VN', appVersion: '0.0.0-test', ...options });
  return {
    ...services,
    dataDir,
    dispose() {
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function fixedClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}
