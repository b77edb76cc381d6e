import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  main: {
    define: { __LEXDESK_VERSION__: JSON.stringify(version) },
    build: {
      rolldownOptions: {
        // The CLI is built beside the app's main process: the same services, no Electron.
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/cli/index.ts'),
          // Its own file: extraction-pool.ts starts it in a worker thread.
          'extraction-worker': resolve('src/main/documents/extraction-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: { input: { index: resolve('src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves output unminified; the renderer is loaded on every start, so it pays to be small.
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
