import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Ships pdf.js's CMaps and standard fonts with the renderer (as pdfjs/...):
 * the viewer needs them for CID-font PDFs, such as CUAD contracts with Chinese names.
 */
function pdfjsAssets(): Plugin {
  const root = resolve('node_modules/pdfjs-dist');
  return {
    name: 'lexdesk-pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const folder of ['cmaps', 'standard_fonts']) {
        for (const file of readdirSync(join(root, folder))) {
          this.emitFile({
            type: 'asset',
            fileName: `pdfjs/${folder}/${file}`,
            source: readFileSync(join(root, folder, file)),
          });
        }
      }
    },
  };
}

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
          // Its own file too: the Word export parses an answer's Markdown in a worker thread.
          'markdown-worker': resolve('src/main/export/markdown-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload's `require` serves only electron, events, timers and url: bundle the rest in.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve('src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), pdfjsAssets()],
    resolve: {
      alias: {
        // Its "browser" build decodes entities through `document`, which the Markdown worker has not: the table one works anywhere.
        'decode-named-character-reference': resolve('node_modules/decode-named-character-reference/index.js'),
      },
    },
    build: {
      // electron-vite leaves output unminified; the renderer is loaded on every start, so it pays to be small.
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
