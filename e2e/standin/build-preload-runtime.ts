import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const RUNTIME_FILE = resolve(__dirname, '../../out/e2e-standin/preload-runtime.js');

/** Bundles the page side of the stand-in (preload-page.ts and the sandbox it builds) into one script. */
export async function buildPreloadRuntime(): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: resolve(RUNTIME_FILE, '..'),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: resolve(__dirname, 'preload-page.ts'),
        formats: ['iife'],
        name: '__electronStandinRuntime',
        fileName: () => 'preload-runtime.js',
      },
    },
  });
}

/**
 * The init script for a window: the runtime, then the window's preload file
 * as Electron wraps it (a CommonJS function of the sandbox's require, module,
 * exports, process, setImmediate and clearImmediate), started at once.
 */
export function preloadInitScript(preloadFile: string | undefined): string {
  const runtime = readFileSync(RUNTIME_FILE, 'utf8');
  const body = preloadFile
    ? `function (require, module, exports, process, setImmediate, clearImmediate) {\n${readFileSync(preloadFile, 'utf8')}\n}`
    : 'null';
  return `${runtime}\n;(() => { const runtime = __electronStandinRuntime; delete window.__electronStandinRuntime; runtime.startPreload(${body}); })();\n`;
}
