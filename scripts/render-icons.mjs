// Renders resources/icon.svg to the PNG sizes installers need, with Debian's Chromium.
// Run after editing the SVG: `npm run icons`. The PNGs are committed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'resources', 'icon.svg'), 'utf8');
const executablePath =
  process.env.CHROMIUM_PATH ?? execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  mkdirSync(join(root, 'resources', 'icons'), { recursive: true });
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    const file =
      size === 1024 ? join(root, 'resources', 'icon.png') : join(root, 'resources', 'icons', `${size}x${size}.png`);
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(file);
  }
} finally {
  await browser.close();
}
