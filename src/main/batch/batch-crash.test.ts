import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ProviderTestServer, startProviderTestServer, testProvider } from '../llm/testing/provider-test-server';
import { lineWhere } from '../testing/child-lines';
import { createTempServices } from '../testing/temp-services';
import { countTokensWith } from '../tokens/token-count';
import { batchAnswer, documentNameOf, smallContracts } from './testing/batch-fixtures';

// The batch issue's second target: a batch process killed with kill -9 halfway, then started again, completes the
// job with no item that was answered asked again.

let server: ProviderTestServer | undefined;
let child: ChildProcess | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function startChild(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'testing', 'batch-child.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

describe('a batch killed halfway', () => {
  it('resumes when started again, and asks no item again that was answered', async () => {
    // No key: the child's secrets are in memory only (the OS keychain is not there in a test), as a local server's.
    server = await startProviderTestServer({
      answer: '',
      answerFor: batchAnswer,
      tokensPerSecond: 400,
      countTokens: (text) => countTokensWith('o200k_base', text),
    });
    dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-batch-crash-'));
    const setup = createTempServices({ dataDir });
    setup.providers.save(testProvider({ id: 'local', name: 'Máy chủ thử', baseUrl: server.openaiBaseUrl }));
    for (const contract of smallContracts(30)) {
      await setup.documents.ingest({
        ingestId: contract.name,
        name: contract.name,
        bytes: new Uint8Array(contract.bytes),
      });
    }
    setup.close();

    child = startChild({ BATCH_DATA_DIR: dataDir });
    const halfway = await lineWhere(child, (line) => Number(line.done) >= 10);
    const jobId = String(halfway.jobId);
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));

    // What the database says was answered before the kill.
    const before = createTempServices({ dataDir });
    const answeredBefore = before.batch.items(jobId, 0, 30).filter((item) => item.status === 'done');
    const cellsBefore = new Map(answeredBefore.map((item) => [item.position, JSON.stringify(item.cells)]));
    expect(before.batch.state(jobId).status).toBe('running');
    expect(answeredBefore.length).toBeGreaterThanOrEqual(10);
    expect(answeredBefore.length).toBeLessThan(30);
    before.close();
    const requestsBefore = server.ledger().length;

    child = startChild({ BATCH_DATA_DIR: dataDir, BATCH_JOB_ID: jobId });
    const ended = await lineWhere(child, (line) => line.ended === true);
    expect(ended).toMatchObject({ status: 'done', done: 30 });
    await new Promise((resolve) => child?.once('exit', resolve));

    const after = createTempServices({ dataDir });
    try {
      expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const items = after.batch.items(jobId, 0, 30);
      const names = new Map(items.map((item) => [item.position, item.documentName]));
      // Not one request after the restart for a document answered before it.
      const answeredNames = new Set(answeredBefore.map((item) => names.get(item.position)));
      const askedAgain = server
        .ledger()
        .slice(requestsBefore)
        .map((entry) => documentNameOf(entry.body))
        .filter((name) => answeredNames.has(name));
      expect(askedAgain).toEqual([]);
      // Their cells are as they were; every item is answered now.
      for (const [position, cells] of cellsBefore) {
        expect(JSON.stringify(items.find((item) => item.position === position)?.cells)).toBe(cells);
      }
      expect(items.every((item) => item.status === 'done')).toBe(true);
      // Every call the provider billed after the restart is on record.
      const calls = after.calls.forJob(jobId);
      expect(calls.length).toBeGreaterThanOrEqual(30);
    } finally {
      after.close();
    }
  }, 60_000);
});
