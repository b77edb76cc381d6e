import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const builderConfig = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('packaging resources', () => {
  it.each([16, 24, 32, 48, 64, 128, 256, 512])('has a %ipx square PNG icon for Linux', (size) => {
    expect(pngSize(join(root, 'resources', 'icons', `${size}x${size}.png`))).toEqual({ width: size, height: size });
  });

  it('has a 1024px icon that macOS and Windows installers can be made from', () => {
    expect(pngSize(join(root, 'resources', 'icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('points electron-builder at icons that exist', () => {
    const paths = [...builderConfig.matchAll(/^\s*icon:\s*(\S+)/gm)].map((match) => match[1] ?? '');
    expect(paths.length).toBe(3);
    for (const path of paths) expect(existsSync(join(root, path)), path).toBe(true);
  });

  it('builds every installer the issue names and keeps the native addon out of the asar', () => {
    for (const target of ['AppImage', 'deb', 'nsis', 'dmg'])
      expect(builderConfig).toMatch(new RegExp(`- ${target}\\b`));
    expect(builderConfig).toMatch(/productName: LexDesk/);
    expect(builderConfig).toMatch(/asarUnpack:\s*\n\s*- "\*\*\/node_modules\/better-sqlite3\/\*\*"/);
  });
});
