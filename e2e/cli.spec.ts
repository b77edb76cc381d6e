import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { createServices } from '../src/main/services';
import { insertAnswer } from '../src/main/testing/seed';

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

// The workbench issue: `lexdesk history | head -1` crashed with an unhandled `write EPIPE` in 2 runs of 3.
test('the CLI ends quietly when the reader of its output goes away (lexdesk history | head -1)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-cli-e2e-'));
  const services = createServices({ dataDir, locale: 'vi-VN', appVersion: 'e2e' });
  // Long questions, so the history is more than a pipe's buffer holds and the writes meet the closed pipe.
  for (let i = 0; i < 100; i++) {
    const question = `Câu hỏi ${i}: ${'điều khoản phạt vi phạm hợp đồng '.repeat(100)}`;
    insertAnswer(services.db, { id: `q${i}`, question, text: 'x', documentIds: [], createdAt: i });
  }
  services.close();
  const child = spawn(process.execPath, ['bin/lexdesk.js', '--data-dir', dataDir, 'history'], {
    cwd: resolve(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // As `head -1` does: the first line read, then the pipe closed.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', done));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
