// One start of the built shell under the Electron stand-in, in a fresh Node
// process: prints the milliseconds from the shell's first line to its first
// `new BrowserWindow`. Run by bench/start.ts with LEXDESK_DATA_DIR set.
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { register } = require('tsx/cjs/api');

const root = join(__dirname, '..');
// tsx only for the stand-in's TypeScript; the shell itself loads as the built JavaScript it is.
const unregister = register();
const { createDialogScript, createElectronMain } = require(join(root, 'e2e/standin/electron-main.ts'));
const { loadShell } = require(join(root, 'e2e/standin/shell.ts'));
unregister();

const main = createElectronMain({
  appPath: root,
  version: '0.0.0-bench',
  locale: 'vi-VN',
  homeDir: process.env.LEXDESK_DATA_DIR,
  storageBackend: 'gnome_libsecret',
  dialogs: createDialogScript(),
  locks: new Map(),
  surfaces: {
    attach: async () => ({ load: async () => {}, url: () => '', deliver() {}, focus() {}, close: async () => {} }),
  },
});
let started = 0;
main.module.app.once('browser-window-created', () => {
  process.stdout.write(`${(performance.now() - started).toFixed(2)}\n`);
  main.module.app.quit();
});
main.exited.then(() => process.exit(0));
started = performance.now();
loadShell(main.module);
main.becomeReady();
