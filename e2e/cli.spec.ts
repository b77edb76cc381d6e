import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: resolve(__dirname, '..'), env: process.env });

test('the built CLI sets and gets a setting through `npm run cli`', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-cli-e2e-'));
  await cli('--data-dir', dataDir, 'settings', 'set', 'language', 'en');
  const { stdout } = await cli('--data-dir', dataDir, 'settings', 'get', 'language');
  expect(stdout).toBe('en\n');
});

test('the built CLI exits 3 with a coded JSON error on a bad value', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-cli-e2e-'));
  const failure = await cli('--data-dir', dataDir, '--json', 'settings', 'set', 'language', 'fr').then(
    () => null,
    (error: { code: number; stdout: string }) => error,
  );
  expect(failure?.code).toBe(3);
  expect(JSON.parse(failure?.stdout ?? '')).toMatchObject({ error: { code: 'INVALID_INPUT' } });
});

test('LEXDESK_DATA_DIR is the default data dir for the CLI, as for the app', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-cli-e2e-'));
  const env = { ...process.env, LEXDESK_DATA_DIR: dataDir };
  const root = resolve(__dirname, '..');
  await run('node', ['bin/lexdesk.js', 'settings', 'set', 'theme', 'dark'], { cwd: root, env });
  const { stdout } = await run('node', ['bin/lexdesk.js', '--data-dir', dataDir, 'settings', 'get', 'theme'], {
    cwd: root,
  });
  expect(stdout).toBe('dark\n');
});
