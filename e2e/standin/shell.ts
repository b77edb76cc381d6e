import { createRequire } from 'node:module';
import { dirname, resolve, sep } from 'node:path';

/** The Electron shell as built: what `electron-vite build` writes and the app starts. */
export const SHELL_FILE = resolve(__dirname, '../../out/main/index.js');
const OUT_MAIN = dirname(SHELL_FILE);
const requireHere = createRequire(__filename);

interface ModuleLoader {
  _load(request: string, parent: { filename?: string } | undefined, isMain: boolean): unknown;
}
let electronForLoad: object | undefined;
let hooked = false;

/**
 * Runs the built shell as a fresh process would: its own module instances,
 * with `require('electron')` answered by `electron` (the stand-in of this start).
 */
export function loadShell(electron: object): void {
  if (!hooked) {
    hooked = true;
    const loader = requireHere('node:module') as ModuleLoader;
    const original = loader._load;
    loader._load = function load(request, parent, isMain) {
      if (request === 'electron' && electronForLoad && parent?.filename?.startsWith(OUT_MAIN + sep)) {
        return electronForLoad;
      }
      return original.call(this, request, parent, isMain);
    };
  }
  for (const file of Object.keys(requireHere.cache)) {
    if (file.startsWith(OUT_MAIN + sep)) delete requireHere.cache[file];
  }
  electronForLoad = electron;
  try {
    requireHere(SHELL_FILE);
  } finally {
    electronForLoad = undefined;
  }
}
