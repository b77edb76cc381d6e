import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedCli } from './testing/captured-cli';

const STATUTE = resolve(
  __dirname,
  '../../../shared/data/contracts-vi/luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.pdf',
);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lexdesk-cli-ingest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => capturedCli(args, { LANG: 'vi_VN.UTF-8' });

describe('lexdesk ingest', () => {
  it('reads a real PDF with the workers it starts before the services, and finds it again by its bytes', async () => {
    const first = await cli('--data-dir', join(dir, 'data'), '--json', 'ingest', STATUTE);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const stored = JSON.parse(first.stdout);
    expect(stored).toMatchObject({ pages: 48, language: 'vi', pagesWithoutText: [], warnings: [] });
    expect(stored.tokens.o200k_base).toBeGreaterThan(10_000);
    expect(stored.tokens.cl100k_base).toBeGreaterThan(stored.tokens.o200k_base);

    const again = JSON.parse((await cli('--data-dir', join(dir, 'data'), '--json', 'ingest', STATUTE)).stdout);
    expect(again).toMatchObject({ sha256: stored.sha256, tokens: stored.tokens });
  });
});

describe('a data dir that cannot be used', () => {
  it('is a coded error in the user language, not an internal one with a stack trace', async () => {
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    const { code, stdout, stderr } = await cli('--data-dir', notAFolder, '--json', 'ingest', STATUTE);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toEqual({
      code: 'DATA_DIR_UNUSABLE',
      message: expect.stringContaining(`Không dùng được thư mục dữ liệu ${notAFolder}`),
    });
    expect(stderr).not.toMatch(/at createServices/);
  });
});
