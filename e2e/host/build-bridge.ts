import { resolve } from 'node:path';

export const BRIDGE_FILE = resolve(__dirname, '../../out/e2e-host/bridge.js');

/** Bundles the browser bridge (and the shared `createApi` it runs) into one script for `addInitScript`. */
export async function buildBridge(): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: resolve(__dirname, '../../out/e2e-host'),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: resolve(__dirname, 'browser-bridge.ts'),
        formats: ['iife'],
        name: 'LexDeskBridge',
        fileName: () => 'bridge.js',
      },
    },
  });
}
