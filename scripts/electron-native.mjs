// After `npm install`, keep an Electron build of better-sqlite3 apart in
// native/electron/, so `npm start` (Electron's ABI) and `npm test` (Node's ABI)
// both work in either order with no manual rebuild. The app passes this file
// to better-sqlite3 as `nativeBinding` when it is not packaged; packaged apps
// are rebuilt for Electron by electron-builder.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'versions.json');

function main() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log(
      '[electron-native] ELECTRON_SKIP_BINARY_DOWNLOAD is set: no Electron, so no Electron build of better-sqlite3.',
    );
    return;
  }
  const electron = readJson(require.resolve('electron/package.json')).version;
  const sqliteDir = join(require.resolve('better-sqlite3/package.json'), '..');
  const sqlite = readJson(join(sqliteDir, 'package.json')).version;
  const stamp = JSON.stringify({ electron, betterSqlite3: sqlite, arch: process.arch });
  if (existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;

  const work = join(root, 'native', '.build');
  rmSync(work, { recursive: true, force: true });
  cpSync(sqliteDir, work, { recursive: true, filter: (source) => !source.includes(`${join(sqliteDir, 'build')}`) });
  const target = ['--runtime=electron', `--target=${electron}`, `--arch=${process.arch}`];
  try {
    // A prebuilt addon for this Electron when one is published; otherwise compile against Electron's headers.
    run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...target], work);
  } catch {
    run(
      process.execPath,
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        ...target,
        '--dist-url=https://electronjs.org/headers',
      ],
      work,
    );
  }
  mkdirSync(outDir, { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), outFile);
  writeFileSync(stampFile, stamp);
  rmSync(work, { recursive: true, force: true });
  console.log(`[electron-native] better-sqlite3 ${sqlite} built for Electron ${electron} in ${outFile}`);
}

function run(command, args, cwd) {
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

try {
  main();
} catch (error) {
  // Never fail `npm install` over this: tests and the CLI do not need it, and `npm start` says what is missing.
  console.warn(`[electron-native] could not build better-sqlite3 for Electron: ${error.message}`);
  console.warn('[electron-native] run `node scripts/electron-native.mjs` again once Electron is installed.');
}
