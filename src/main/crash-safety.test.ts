import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ProviderTestServer, startProviderTestServer } from './llm/testing/provider-test-server';
import { lineWhere } from './testing/child-lines';
import { createTempServices } from './testing/temp-services';

const ANSWER = Array.from({ length: 60 }, (_, i) => `Ý ${i + 1}: bên vi phạm chịu phạt [p. 1, Điều 8].`).join(' ');

let server: ProviderTestServer | undefined;
let child: ChildProcess | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The first line of the child's JSON output that has `key`. */
const lineWith = (child: ChildProcess, key: string) => lineWhere(child, (line) => key in line);

describe('crash safety', () => {
  it('a kill -9 mid-answer loses nothing flushed: the answer is there, interrupted, and the database is intact', async () => {
    server = await startProviderTestServer({ answer: ANSWER, tokensPerSecond: 25 });
    dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-crash-'));
    child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'testing', 'crash-child.ts')], {
      env: { ...process.env, CRASH_DATA_DIR: dataDir, CRASH_BASE_URL: server.openaiBaseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const answerId = String((await lineWith(child, 'answerId')).answerId);
    const flushed = Number((await lineWith(child, 'flushed')).flushed);
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));

    const services = createTempServices({ dataDir });
    try {
      expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const answer = services.answers.get(answerId);
      expect(answer.status).toBe('interrupted');
      // At least what the child saw flushed survived, and it is the start of the real answer.
      expect(answer.text.length).toBeGreaterThanOrEqual(flushed);
      expect(ANSWER.startsWith(answer.text)).toBe(true);
      expect(answer.text.length).toBeLessThan(ANSWER.length);
    } finally {
      services.close();
    }
  }, 30_000);
});
