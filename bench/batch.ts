// The batch issue's targets, in one run: throughput at least 90% of the provider's requests a minute; the input of
// the 41-question CUAD review of one contract at most a tenth of one call a question; a job of 10,000 items read in
// at most 5 ms, its first screen of rows at once; main's memory bounded as items end (RSS at 0, 5,000 and 10,000).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createBatchStore } from '../src/main/batch/batch-store';
import { batchAnswer, smallContracts } from '../src/main/batch/testing/batch-fixtures';
import { extractDocument } from '../src/main/documents/extract';
import {
  type ProviderTestServer,
  startProviderTestServer,
  testProvider,
} from '../src/main/llm/testing/provider-test-server';
import { createServices } from '../src/main/services';
import { countTokensWith } from '../src/main/tokens/token-count';
import { presetQuestions } from '../src/shared/batch-presets';
import { buildBatchPrompt } from '../src/shared/batch-prompt';
import { buildPrompt } from '../src/shared/prompt';
import { measure, report } from './harness';

const SHARED = join(__dirname, '..', '..', 'shared', 'data');

export async function batchBench(): Promise<void> {
  await cuadTokens();
  const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-bench-batch-'));
  const server = await startProviderTestServer({ answer: '', answerFor: batchAnswer, tokensPerSecond: 100_000 });
  const services = createServices({ dataDir, locale: 'en-US', appVersion: 'bench' });
  try {
    services.providers.save(testProvider({ id: 'local', name: 'Bench', baseUrl: server.openaiBaseUrl }));
    const documentIds: string[] = [];
    for (const contract of smallContracts(100)) {
      const doc = await services.documents.ingest({
        ingestId: contract.name,
        name: contract.name,
        bytes: new Uint8Array(contract.bytes),
      });
      documentIds.push(doc.sha256);
    }
    await throughput(services, documentIds, server);
    await tenThousand(services, documentIds, server);
  } finally {
    services.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One request with the document and the 41 questions, against 41 requests of the document and one question. */
async function cuadTokens(): Promise<void> {
  const name = 'GOOSEHEADINSURANCE,INC_04_02_2018-EX-10.6-Franchise Agreement.txt';
  const bytes = new Uint8Array(readFileSync(join(SHARED, 'contracts-en', name)));
  const doc = {
    ...(await extractDocument(bytes, name, undefined)),
    sha256: 'b'.repeat(64),
    name,
    sizeBytes: bytes.length,
    extractionMs: 0,
    matterId: null,
    createdAt: 0,
  };
  const questions = presetQuestions('cuad', 'en') ?? [];
  const count = (prompt: ReturnType<typeof buildPrompt>) =>
    prompt.messages.reduce(
      (sum, m) => sum + countTokensWith('o200k_base', m.content),
      countTokensWith('o200k_base', prompt.system),
    );
  const batch = count(buildBatchPrompt(doc, questions, 'en'));
  const each = questions.reduce((sum, q) => sum + count(buildPrompt([doc], q.text, 'en')), 0);
  console.log(`\nThe 41-question CUAD review of one contract (${name.slice(0, 40)}…; target ≤ 1/10)`);
  console.log(`  baseline  41 requests, one a question: ${each.toLocaleString('en')} input tokens`);
  console.log(
    `  ${(batch / each).toFixed(3).padStart(7)}x  one batch request, every question: ${batch.toLocaleString('en')} input tokens: ${batch / each <= 0.1 ? 'within' : 'OVER'} the target`,
  );
}

/** Items a minute against the provider's own limit, once the job is past its first minute's burst. */
async function throughput(
  services: ReturnType<typeof createServices>,
  documentIds: string[],
  server: { arrivals(): number[]; script(next: Parameters<ProviderTestServer['script']>[0]): void },
): Promise<void> {
  server.script({ answer: '', answerFor: batchAnswer, tokensPerSecond: 100_000 });
  const rpm = 300;
  const provider = testProvider({ id: 'local', name: 'Bench', baseUrl: services.providers.get('local').baseUrl });
  services.providers.save({ ...provider, limits: { concurrency: 16, requestsPerMinute: rpm, tokensPerMinute: null } });
  const questions = presetQuestions('parties-dates-amounts', 'en') ?? [];
  const items = Math.round(rpm * 1.1);
  const ids = Array.from({ length: items }, (_, i) => documentIds[i % documentIds.length] as string);
  const began = performance.now();
  const job = services.batch.start({
    name: 'Throughput',
    documentIds: ids,
    questions,
    providerId: 'local',
    model: 'test-model',
    concurrency: 16,
    fresh: true,
  });
  const ended = await services.batch.finished(job.id);
  const minutes = (performance.now() - began) / 60_000;
  const perMinute = ended.done / minutes;
  // Never more than the limit in any minute: the most requests that arrived within 60 s of one another.
  const arrivals = server.arrivals();
  const busiest = Math.max(...arrivals.map((at) => arrivals.filter((t) => t >= at && t < at + 60_000).length));
  console.log(`\nBatch throughput against the provider test server (limit ${rpm} requests a minute; target ≥ 90%)`);
  console.log(
    `  ${ended.done} items in ${(minutes * 60).toFixed(1)} s: ${perMinute.toFixed(0)} a minute, ${((100 * perMinute) / rpm).toFixed(0)}% of the limit: ${perMinute >= 0.9 * rpm ? 'within' : 'UNDER'} the target; at most ${busiest} in any minute (limit ${rpm}): ${busiest <= rpm ? 'kept' : 'BROKEN'}`,
  );
  services.providers.save(provider);
}

/** A job of 10,000 items: its state and its first rows read, and main's memory as the items end. */
async function tenThousand(
  services: ReturnType<typeof createServices>,
  documentIds: string[],
  server: { requests: unknown[] },
): Promise<void> {
  const questions = presetQuestions('payment-penalties-termination', 'en') ?? [];
  const ids = Array.from({ length: 10_000 }, (_, i) => documentIds[i % documentIds.length] as string);
  // A collection before each reading, so the figure is what is held, not what is waiting to be collected.
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  const rss = () => {
    gc();
    const { rss: resident, heapUsed } = process.memoryUsage();
    return `${(resident / 1024 / 1024).toFixed(0)} MB (heap ${(heapUsed / 1024 / 1024).toFixed(0)} MB)`;
  };
  const marks: string[] = [`0 items: ${rss()}`];
  const job = services.batch.start({
    name: 'Ten thousand',
    documentIds: ids,
    questions,
    providerId: 'local',
    model: 'test-model',
    concurrency: 16,
    fresh: true,
  });
  const watch = setInterval(() => {
    // The test server runs in this process and records every request: let go of them, they are not main's.
    server.requests.length = 0;
    const { done } = services.batch.state(job.id);
    if (done >= 5_000 && marks.length === 1) marks.push(`${done} items: ${rss()}`);
  }, 200);
  await services.batch.finished(job.id);
  clearInterval(watch);
  server.requests.length = 0;
  marks.push(`${services.batch.state(job.id).done} items: ${rss()}`);
  const store = createBatchStore(services.db);
  const baseline = await measure('a job row read by its id', () => store.job(job.id), { batch: 50 });
  const state = await measure("the job's state: counts by status, spend, ETA", () => services.batch.state(job.id), {
    batch: 50,
  });
  const firstRows = await measure(
    'the first 60 rows of the grid, with their cells',
    () => services.batch.items(job.id, 0, 60),
    {
      batch: 10,
    },
  );
  const lastRows = await measure('60 rows at the end of the grid', () => services.batch.items(job.id, 9_940, 60), {
    batch: 10,
  });
  report('A batch job of 10,000 items (state target ≤ 5 ms)', baseline, [state, firstRows, lastRows]);
  console.log(
    `  state ${state.medianMs.toFixed(2)} ms: ${state.medianMs <= 5 ? 'within' : 'OVER'} the target; main's RSS at ${marks.join(', ')}`,
  );
}

if (require.main === module) {
  batchBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
