import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AskStreamEvent } from '../../shared/answers';
import { FOCUSED_SYSTEM, MAP_SYSTEM, REDUCE_SYSTEM } from '../../shared/prompt';
import { createAnswerRows } from '../answers/answer-rows';
import { createPlansService } from '../plans/plans-service';
import { sharedFile } from '../testing/shared-data';
import { createTempServices } from '../testing/temp-services';
import { countTokensWith } from '../tokens/token-count';
import { createAskService } from './ask-service';
import { createProviderLimiter } from './provider-limiter';
import {
  type ProviderTestServer,
  type RecordedRequest,
  startProviderTestServer,
  testProvider,
} from './testing/provider-test-server';

// The long-document issue's map-reduce target: over the 404-page Civil Code on a 32K-token model, every page
// read, the estimate within 10% of the calls' records, a part failing once retried, a part failing every time
// named with its pages (never dropped in silence), and Stop cancelling every call in flight.

const KEY = 'sk-test-0123456789';
const NOTE = 'Điều 9.1.LQ.360 quy định bồi thường thiệt hại do vi phạm nghĩa vụ [tr. 120, Điều 9.1.LQ.360].';
const QUESTION = 'Bồi thường thiệt hại do vi phạm nghĩa vụ được quy định thế nào?';

let server: ProviderTestServer;
let services: ReturnType<typeof createTempServices>;
let civilCode: string;

const systemOf = (request: RecordedRequest) =>
  (request.body.messages?.find((m) => m.role === 'system')?.content as string | undefined) ?? '';
const userOf = (request: RecordedRequest) =>
  (request.body.messages?.find((m) => m.role === 'user')?.content as string | undefined) ?? '';
const pagesIn = (text: string) => [...text.matchAll(/\[Page (\d+)\]/g)].map((m) => Number(m[1]));
const script = (extra: Partial<Parameters<ProviderTestServer['script']>[0]> = {}) =>
  server.script({
    answer: NOTE,
    apiKey: KEY,
    tokensPerSecond: 100_000,
    countInput: (text) => countTokensWith('o200k_base', text),
    ...extra,
  });

beforeAll(async () => {
  server = await startProviderTestServer();
  services = createTempServices();
  const name = 'bo-luat-dan-su-2015_phap-dien-9.1_full.pdf';
  const bytes = new Uint8Array(readFileSync(sharedFile('contracts-vi', name)));
  civilCode = (await services.documents.ingest({ ingestId: 'bo-luat', name, bytes })).sha256;
  services.providers.save(
    testProvider({ id: 'local32k', name: 'llama.cpp 32K', baseUrl: server.openaiBaseUrl }, { contextWindow: 32_768 }),
  );
  services.providers.setKey('local32k', KEY);
}, 120_000);
afterAll(async () => {
  services.dispose();
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  script();
});

function mapReduce(partsAtOnce = 4, strategy: 'auto' | 'focused' = 'auto') {
  const service = createAskService({
    rows: createAnswerRows(services.db),
    calls: services.calls,
    inTransaction: (work) => services.db.transaction(work)(),
    answers: services.answers,
    documents: services.documents,
    providers: services.providers,
    matters: services.matters,
    plans: createPlansService({ documents: services.documents, providers: services.providers, language: () => 'vi' }),
    limiter: createProviderLimiter((id) => services.providers.limits(id)),
    clock: { now: () => Date.now() },
    language: () => 'vi',
    retry: { maxAttempts: 2, backoffSeconds: () => 1, maxWaitSeconds: 5 },
    partsAtOnce,
  });
  const events: AskStreamEvent[] = [];
  const started = service.start(
    {
      documentIds: [civilCode],
      providerId: 'local32k',
      model: 'test-model',
      question: QUESTION,
      strategy,
      fresh: true,
    },
    { onEvent: (event) => events.push(event) },
  );
  return { service, started, events };
}

describe('a map-reduce answer over the 404-page Civil Code on a 32K model', () => {
  it('reads every page, joins the notes in one streamed answer, and its estimate is within 10% of the calls', async () => {
    const { started, events } = mapReduce();
    const answer = await started.finished;
    expect(answer).toMatchObject({ status: 'done', text: NOTE });
    expect(answer.plan).toMatchObject({
      strategy: 'map-reduce',
      failedParts: [],
      coverage: { pages: 404, pagesLeftOut: [] },
    });
    const parts = answer.plan?.parts ?? 0;
    expect(parts).toBeGreaterThan(8);

    const maps = server.requests.filter((r) => systemOf(r) === MAP_SYSTEM.vi);
    const reduces = server.requests.filter((r) => systemOf(r) === REDUCE_SYSTEM.vi);
    expect(maps).toHaveLength(parts);
    expect(reduces).toHaveLength(1);
    // Every page, in some part; every part's notes in the joining request.
    expect(new Set(maps.flatMap((r) => pagesIn(userOf(r))))).toEqual(
      new Set(Array.from({ length: 404 }, (_, i) => i + 1)),
    );
    expect(userOf(reduces[0] as RecordedRequest).match(/<notes part=/g)).toHaveLength(parts);
    for (const request of maps) expect(request.body.max_tokens).toBe(8_000);

    const calls = services.calls.forAnswer(answer.id);
    expect(calls.map((c) => c.role).sort()).toEqual([...Array(parts).fill('map'), 'reduce'].sort());
    expect(calls.every((c) => c.reported && c.status === 'done')).toBe(true);
    const input = calls.reduce((sum, c) => sum + c.usage.input, 0);
    expect(Math.abs(started.estimatedInput - input) / input).toBeLessThan(0.1);
    // The answer's cost is the sum of its calls'.
    expect(answer.cost).toBeCloseTo(
      calls.reduce((sum, c) => sum + c.cost, 0),
      10,
    );
    expect(answer.usage?.input).toBe(input);
    // The window heard of each part, then the answer.
    const partEvents = events.filter((e) => e.kind === 'parts');
    expect(partEvents).toHaveLength(parts);
    expect(partEvents.at(-1)).toMatchObject({ done: parts, failed: 0, total: parts });
    expect(events.at(-1)?.kind).toBe('done');
  }, 60_000);

  it('retries a part that fails once with a 500, and loses no page', async () => {
    let failed = false;
    script({
      faultFor: (body) => {
        const text = JSON.stringify(body.messages ?? '');
        if (failed || !text.includes('[Page 100]')) return null;
        failed = true;
        return { kind: 'status', status: 500, message: 'upstream overloaded' };
      },
    });
    const answer = await mapReduce().started.finished;
    expect(failed).toBe(true);
    expect(answer.status).toBe('done');
    expect(answer.plan?.failedParts).toEqual([]);
    expect(server.requests.filter((r) => userOf(r).includes('[Page 100]\n'))).toHaveLength(2);
  }, 60_000);

  it('names the part that keeps failing and its pages, and answers from the rest', async () => {
    script({
      faultFor: (body) =>
        JSON.stringify(body.messages ?? '').includes('[Page 200]')
          ? { kind: 'status', status: 500, message: 'upstream overloaded' }
          : null,
    });
    const answer = await mapReduce().started.finished;
    expect(answer.status).toBe('done');
    const [failed] = answer.plan?.failedParts ?? [];
    expect(answer.plan?.failedParts).toHaveLength(1);
    expect(failed?.pages).toContain(200);
    expect(answer.plan?.coverage.pagesLeftOut).toEqual([{ document: civilCode, pages: failed?.pages }]);
    expect(answer.plan?.coverage.charsSent).toBeLessThan(answer.plan?.coverage.chars ?? 0);
    const calls = services.calls.forAnswer(answer.id);
    expect(calls.filter((c) => c.status === 'failed').map((c) => [c.role, c.chunkIndex, c.error?.code])).toEqual([
      ['map', failed?.index, 'PROVIDER_UNAVAILABLE'],
    ]);
    // The joining request has the other parts' notes only.
    const reduce = server.requests.find((r) => systemOf(r) === REDUCE_SYSTEM.vi);
    expect(userOf(reduce as RecordedRequest).match(/<notes part=/g)).toHaveLength((answer.plan?.parts ?? 0) - 1);
  }, 60_000);

  it('keeps to the provider’s own limit on requests at once, and a 429’s Retry-After holds every part back', async () => {
    services.providers.save({
      ...testProvider(
        { id: 'local32k', name: 'llama.cpp 32K', baseUrl: server.openaiBaseUrl },
        { contextWindow: 32_768 },
      ),
      limits: { concurrency: 2, requestsPerMinute: null, tokensPerMinute: null },
    });
    let limited = false;
    script({
      firstByteDelayMs: 100,
      faultFor: () => {
        if (limited) return null;
        limited = true;
        return { kind: 'status', status: 429, retryAfterSeconds: 2, message: 'rate limited' };
      },
    });
    try {
      const answer = await mapReduce(4).started.finished;
      expect(answer.status).toBe('done');
      // Four parts at a time for this answer, but two at once for the provider.
      expect(server.peakInFlight()).toBe(2);
      // The first two went together; the first heard "wait 2 s", and no request came sooner, whoever sent it.
      const [first, , third] = server.arrivals();
      expect((third ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(1_900);
    } finally {
      services.providers.save(
        testProvider(
          { id: 'local32k', name: 'llama.cpp 32K', baseUrl: server.openaiBaseUrl },
          { contextWindow: 32_768 },
        ),
      );
    }
  }, 60_000);

  it('Stop cancels every request in flight and starts none after', async () => {
    script({ firstByteDelayMs: 5_000 });
    const { service, started } = mapReduce(3);
    while (server.requests.length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    const stoppedAt = Date.now();
    expect(service.cancel(started.streamId)).toBe(true);
    const answer = await started.finished;
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);
    expect(answer.status).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.requests).toHaveLength(3);
    const calls = services.calls.forAnswer(answer.id);
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.status === 'stopped' && (c.latencyMs ?? 0) < 5_000)).toBe(true);
  }, 30_000);
});

describe('a focused answer over the Civil Code on a 32K model', () => {
  it('sends only the passages chosen, in one request, and the answer names the pages left out', async () => {
    const { started } = mapReduce(4, 'focused');
    const answer = await started.finished;
    expect(answer).toMatchObject({ status: 'done', text: NOTE, plan: { strategy: 'focused', failedParts: [] } });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0] as RecordedRequest;
    expect(systemOf(request)).toBe(FOCUSED_SYSTEM.vi);
    const sent = new Set(pagesIn(userOf(request)));
    const left = answer.plan?.coverage.pagesLeftOut.flatMap((doc) => doc.pages) ?? [];
    expect(left.length).toBeGreaterThan(200);
    expect(left.length + sent.size).toBe(404);
    expect(left.some((page) => sent.has(page))).toBe(false);
    expect(userOf(request).match(/<excerpt/g)).toHaveLength(answer.plan?.parts ?? -1);
    // Damages for breach: the Điều on it goes, with its breadcrumb.
    expect(userOf(request)).toContain('Điều 9.1.LQ.360');
    const calls = services.calls.forAnswer(answer.id);
    expect(calls).toMatchObject([{ role: 'single', status: 'done' }]);
    const counted = calls[0]?.usage.input ?? 0;
    expect(answer.estimatedInput).toBeGreaterThanOrEqual(counted);
    expect(answer.estimatedInput / counted).toBeLessThan(1.1);
  }, 30_000);
});
