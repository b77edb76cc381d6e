import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/batch';
import { type ProviderTestServer, startProviderTestServer, testProvider } from '../llm/testing/provider-test-server';
import { createTempServices } from '../testing/temp-services';
import { countTokensWith } from '../tokens/token-count';
import { createBatchRunner } from './batch-runner';
import { createBatchStore } from './batch-store';
import { batchAnswer, documentNameOf, QUESTIONS, smallContracts } from './testing/batch-fixtures';

// The batch issue's first target: 100 documents × 3 questions against the provider test server with 10% 429s
// (Retry-After: 1), 5% 500s and 2% streams dropped midway: every item completes, none is asked again after it
// was answered, and the provider_calls records equal the usage the server billed.

const KEY = 'sk-test-0123456789';
let server: ProviderTestServer;
let services: ReturnType<typeof createTempServices>;
let documentIds: string[] = [];

beforeAll(async () => {
  server = await startProviderTestServer();
  services = createTempServices();
  services.providers.save(testProvider({ id: 'local', name: 'Máy chủ thử', baseUrl: server.openaiBaseUrl }));
  services.providers.setKey('local', KEY);
  documentIds = [];
  expect(new Set(smallContracts(100).map((c) => new TextDecoder().decode(c.bytes))).size).toBe(100);
  for (const contract of smallContracts(100)) {
    documentIds.push(
      (
        await services.documents.ingest({
          ingestId: contract.name,
          name: contract.name,
          bytes: new Uint8Array(contract.bytes),
        })
      ).sha256,
    );
  }
}, 120_000);
afterAll(async () => {
  services.dispose();
  await server.close();
});

function runner(overrides: Partial<Parameters<typeof createBatchRunner>[0]> = {}) {
  const events: JobState[] = [];
  const batch = createBatchRunner({
    store: createBatchStore(services.db),
    documents: services.documents,
    providers: services.providers,
    calls: services.calls,
    citations: services.citations,
    clock: { now: () => Date.now() },
    language: () => 'en',
    retry: { maxAttempts: 4, backoffSeconds: () => 0.05, maxWaitSeconds: 5 },
    emit: (name, payload) => {
      if (name === 'batch:progress') events.push(payload as JobState);
    },
    ...overrides,
  });
  return { batch, events };
}

describe('a batch of 100 documents × 3 questions against a provider that fails now and then', () => {
  it('answers every item once, and its call records are what the provider billed', async () => {
    server.script({
      answer: '',
      apiKey: KEY,
      tokensPerSecond: 100_000,
      answerFor: batchAnswer,
      countTokens: (text) => countTokensWith('o200k_base', text),
      faultRates: { rateLimited: 0.1, serverError: 0.05, dropped: 0.02, seed: 7 },
    });
    const { batch, events } = runner();
    const started = batch.start({
      name: 'Data room',
      documentIds,
      questions: QUESTIONS,
      providerId: 'local',
      model: 'test-model',
      concurrency: 8,
    });
    expect(started).toMatchObject({ status: 'running', total: 100 });
    expect(started.estimatedCost).toBeGreaterThan(0);
    const ended = await batch.finished(started.id);
    expect(ended).toMatchObject({ status: 'done', total: 100, done: 100, failed: 0, running: 0 });

    const ledger = server.ledger();
    // The faults did happen: some refused, some dropped midway.
    expect(ledger.filter((entry) => entry.ended === 'refused').length).toBeGreaterThan(5);
    expect(ledger.filter((entry) => entry.ended === 'dropped').length).toBeGreaterThan(0);
    // No document asked again once it was answered.
    const answered = new Set<string>();
    for (const entry of ledger) {
      const name = documentNameOf(entry.body);
      expect(answered.has(name), `${name} asked after its answer`).toBe(false);
      if (entry.ended === 'done') answered.add(name);
    }
    expect(answered.size).toBe(100);
    // The records are what the provider billed, request by request in total.
    const calls = services.calls.forJob(started.id);
    const sum = (usages: { input: number; output: number }[]) =>
      usages.reduce((total, u) => ({ input: total.input + u.input, output: total.output + u.output }), {
        input: 0,
        output: 0,
      });
    const billed = ledger.flatMap((entry) => (entry.billed ? [entry.billed] : []));
    expect(sum(calls.map((call) => call.usage))).toEqual(sum(billed));
    expect(calls.filter((call) => call.status === 'done')).toHaveLength(100);
    // The job's spend is the sum of its calls' costs.
    expect(ended.spent).toBeCloseTo(
      calls.reduce((total, call) => total + call.cost, 0),
      10,
    );

    // Each item's cells: every question answered, its quote found in its document.
    const items = batch.items(started.id, 0, 100);
    expect(items.every((item) => item.status === 'done' && item.cells?.length === 3)).toBe(true);
    expect(items.flatMap((item) => item.cells ?? []).every((cell) => cell.verdicts[0] === 'verified')).toBe(true);
    expect(items[0]?.cells?.find((cell) => cell.questionId === 'parties')?.value).toEqual(['MediWound Ltd.', 'CBC']);
    // Progress came coalesced: far fewer events than items, the last one done.
    expect(events.length).toBeLessThan(100);
    expect(events.at(-1)).toMatchObject({ status: 'done', done: 100 });
  }, 120_000);

  it('serves an item already answered for the same document and questions at no cost', async () => {
    server.script({ answer: '', apiKey: KEY, answerFor: batchAnswer, tokensPerSecond: 100_000 });
    const { batch } = runner();
    const again = batch.start({
      name: 'Again',
      documentIds: documentIds.slice(0, 5),
      questions: QUESTIONS,
      providerId: 'local',
      model: 'test-model',
    });
    const ended = await batch.finished(again.id);
    expect(ended).toMatchObject({ status: 'done', done: 5, spent: 0 });
    // Not one request: every document was answered by the first job.
    expect(server.ledger()).toHaveLength(0);
    expect(batch.items(again.id, 0, 5).every((item) => item.fromCache)).toBe(true);
  });

  it('stops before the item that would pass the budget, and goes on when resumed with more room', async () => {
    server.script({ answer: '', apiKey: KEY, answerFor: batchAnswer, tokensPerSecond: 100_000 });
    const { batch } = runner();
    const questions = [{ ...QUESTIONS[0], id: 'parties-2' } as (typeof QUESTIONS)[number]];
    const first = batch.start({
      name: 'Budget',
      documentIds: documentIds.slice(0, 10),
      questions,
      providerId: 'local',
      model: 'test-model',
      concurrency: 1,
      budget: 0.0000001,
    });
    const paused = await batch.finished(first.id);
    expect(paused).toMatchObject({ status: 'paused', pausedReason: 'budget', done: 0 });
    expect(server.ledger()).toHaveLength(0);
    // Room for about three items: it stops again before the fourth would pass it.
    const each = paused.estimatedCost / 10;
    batch.resume(first.id, { budget: each * 3.5 });
    const again = await batch.finished(first.id);
    expect(again).toMatchObject({ status: 'paused', pausedReason: 'budget' });
    expect(again.done).toBeGreaterThanOrEqual(2);
    expect(again.done).toBeLessThan(10);
    expect(again.spent).toBeLessThanOrEqual(each * 3.5);
    batch.resume(first.id, { budget: null });
    expect(await batch.finished(first.id)).toMatchObject({ status: 'done', done: 10 });
  });

  it('pauses after a run of failures, then one item probes the provider before the rest go on', async () => {
    server.script({
      answer: '',
      apiKey: KEY,
      answerFor: batchAnswer,
      tokensPerSecond: 100_000,
      faults: Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 503, message: 'overloaded' })),
    });
    const { batch, events } = runner({
      retry: { maxAttempts: 1, backoffSeconds: () => 0, maxWaitSeconds: 1 },
      breaker: { failures: 5, coolDownMs: 300 },
    });
    const questions = [{ ...QUESTIONS[1], id: 'law-2' } as (typeof QUESTIONS)[number]];
    const job = batch.start({
      name: 'Breaker',
      documentIds: documentIds.slice(0, 12),
      questions,
      providerId: 'local',
      model: 'test-model',
      concurrency: 1,
    });
    const paused = await batch.finished(job.id);
    expect(paused).toMatchObject({ status: 'paused', pausedReason: 'provider-failing' });
    // The probe: after the cool-down the job runs again, one item first, then all the rest.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const ended = await batch.finished(job.id);
    expect(ended).toMatchObject({ status: 'done', done: 12, failed: 0 });
    expect(events.some((state) => state.status === 'paused' && state.pausedReason === 'provider-failing')).toBe(true);
  });

  it('waits for the lawyer when the provider refuses the key, failing no document, and goes on once it is mended', async () => {
    server.script({ answer: '', apiKey: KEY, answerFor: batchAnswer, tokensPerSecond: 100_000 });
    services.providers.setKey('local', 'sk-wrong-0000000000');
    const { batch } = runner();
    const questions = [{ ...QUESTIONS[2], id: 'convenience-2' } as (typeof QUESTIONS)[number]];
    const job = batch.start({
      name: 'Key',
      documentIds: documentIds.slice(0, 6),
      questions,
      providerId: 'local',
      model: 'test-model',
      concurrency: 2,
    });
    const paused = await batch.finished(job.id);
    expect(paused).toMatchObject({ status: 'paused', pausedReason: 'provider-refused', failed: 0, done: 0 });
    expect(batch.items(job.id, 0, 6).every((item) => item.status === 'pending')).toBe(true);
    services.providers.setKey('local', KEY);
    batch.resume(job.id);
    expect(await batch.finished(job.id)).toMatchObject({ status: 'done', done: 6, failed: 0 });
  });
});
