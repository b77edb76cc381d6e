import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPreloadRuntime } from './standin/build-preload-runtime';

export default async function globalSetup(): Promise<void> {
  for (const built of ['out/renderer/index.html', 'out/preload/index.js', 'out/main/index.js']) {
    if (!existsSync(resolve(__dirname, '..', built))) {
      throw new Error(`${built} is not built: run \`npm run build\` before \`npm run test:e2e\`.`);
    }
  }
  await buildPreloadRuntime();
}
