import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services, type ServicesOptions } from '../services';

/** Real services on a real database file in a fresh temporary folder. */
export function createTempServices(options: Partial<ServicesOptions> = {}): Services & { dispose(): void } {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lexdesk-test-'));
  const services = createServices({ dataDir, locale: 'vi-VN', appVersion: '0.0.0-test', ...options });
  return {
    ...services,
    dispose() {
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
