// electron-builder cannot run here (it downloads Electron and its tools), so
// its configuration is checked against electron-builder's own schema, and the
// parts the code depends on are pinned.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { unpackedPath } from '../src/main/documents/pdf-text';

const root = resolve(__dirname, '..');
const config = load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('is valid under the schema of the electron-builder that is installed', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, config);
    expect(ajv.errorsText(ajv.errors), 'schema errors').toBe('No errors');
    expect(valid).toBe(true);
  });

  it('flips the fuses the README lists', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps native addons and what the extraction worker imports as ES modules outside the asar', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        '**/node_modules/better-sqlite3/**',
        '**/node_modules/pdfjs-dist/**',
        '**/node_modules/@napi-rs/**',
        '**/*.node',
      ]),
    );
  });

  it('ships the built main, preload and renderer', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']));
  });
});

describe('unpackedPath, where the worker finds pdf.js in a packaged app', () => {
  it('points inside app.asar to app.asar.unpacked, on POSIX and Windows paths, and leaves others alone', () => {
    expect(unpackedPath('/opt/LexDesk/resources/app.asar/node_modules/pdfjs-dist')).toBe(
      '/opt/LexDesk/resources/app.asar.unpacked/node_modules/pdfjs-dist',
    );
    expect(unpackedPath('C:\\LexDesk\\resources\\app.asar\\node_modules\\pdfjs-dist')).toBe(
      'C:\\LexDesk\\resources\\app.asar.unpacked\\node_modules\\pdfjs-dist',
    );
    expect(unpackedPath('/work/main/node_modules/pdfjs-dist')).toBe('/work/main/node_modules/pdfjs-dist');
  });
});
