import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildBridge } from './host/build-bridge';

export default async function globalSetup(): Promise<void> {
  if (!existsSync(resolve(__dirname, '../out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` before `npm run test:e2e`.');
  }
  await buildBridge();
}
