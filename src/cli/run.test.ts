import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../main/services';
import { capturedCli } from './testing/captured-cli';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-cli-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const cli = (...args: string[]) => capturedCli(args);

describe('lexdesk CLI', () => {
  it('sets a setting and reads it back from the same data dir', async () => {
    expect(await cli('--data-dir', dataDir, 'settings', 'set', 'language', 'en')).toMatchObject({ code: 0 });
    expect(await cli('--data-dir', dataDir, 'settings', 'get', 'language')).toEqual({
      code: 0,
      stdout: 'en\n',
      stderr: '',
    });
  });

  it('prints JSON with --json', async () => {
    await cli('--data-dir', dataDir, 'settings', 'set', 'acceptWeakKeyStorage', 'true');
    const { code, stdout } = await cli('--data-dir', dataDir, '--json', 'settings', 'get');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ language: 'en', theme: 'system', acceptWeakKeyStorage: true, vndRate: null });
  });

  it('exits 3 on a value the setting does not accept, in the language of the saved setting', async () => {
    await cli('--data-dir', dataDir, 'settings', 'set', 'language', 'vi');
    const { code, stdout } = await cli('--data-dir', dataDir, '--json', 'settings', 'set', 'theme', 'sepia');
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toEqual({
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Dữ liệu gửi lên không hợp lệ/) },
    });
    expect((await cli('--data-dir', dataDir, 'settings', 'get', 'theme')).stdout).toBe('system\n');
  });

  it.each([
    [['--no-such-flag']],
    [['--data-dir', 'x', 'settings', 'frobnicate']],
    [['--data-dir', 'x', 'settings', 'get', 'fontSize']],
    [[]],
  ])('exits 2 on a usage error: %j', async (args) => {
    const { code, stderr } = await cli(...args.map((arg) => (arg === 'x' ? dataDir : arg)));
    expect(code).toBe(2);
    expect(stderr).not.toBe('');
  });

  it('exits 1 with DATABASE_TOO_NEW on a database from a newer version', async () => {
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma('user_version = 1000');
    db.close();
    const { code, stderr } = await cli('--data-dir', dataDir, 'settings', 'get');
    expect(code).toBe(1);
    expect(stderr).toMatch(/newer LexDesk.*\[DATABASE_TOO_NEW\]/);
  });

  it('prints help and version', async () => {
    expect((await cli('--help')).stdout).toMatch(/Exit codes:/);
    expect(await cli('--version')).toEqual({ code: 0, stdout: '1.2.3\n', stderr: '' });
  });
});
