import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AskStreamEvent, isCutOff } from '../../shared/answers';
import { costOf } from '../../shared/estimate';
import type { ProviderConfig } from '../../shared/providers';
import { createAnswerRows } from '../answers/answer-rows';
import { createTempServices } from '../testing/temp-services';
import { type AskServiceDependencies, createAskService } from './ask-service';
import { createChatClient } from './chat-client';
import { DEFAULT_RETRY, requestAnswer } from './model-request';
import { MAX_THREAD_TURNS, planAsk } from './preflight';
import { type ProviderTestServer, startProviderTestServer, testProvider } from './testing/provider-test-server';

const ANSWER =
  'Theo Điều 8 hợp đồng, bên vi phạm phải chịu phạt 8% giá trị phần nghĩa vụ bị vi phạm [p. 1, Điều 8]. ' +
  'Bên bị vi phạm có quyền đơn phương chấm dứt hợp đồng theo Điều 12 [p. 1, Điều 12].';
const KEY = 'sk-test-0123456789';

let server: ProviderTestServer;
let services: ReturnType<typeof createTempServices>;
let documentId: string;

beforeAll(async () => {
  server = await startProviderTestServer();
});
afterAll(() => server.close());

beforeEach(async () => {
  server.requests.length = 0;
  server.script({ answer: ANSWER, apiKey: KEY, tokensPerSecond: 400 });
  services = createTempServices();
  const doc = await services.documents.ingest({
    ingestId: 'x',
    name: 'hop-dong.txt',
    bytes: new TextEncoder().encode('Điều 8. Phạt vi phạm: 8% giá trị.\nĐiều 12. Chấm dứt hợp đồng.'),
  });
  documentId = doc.sha256;
  for (const provider of providers()) {
    services.providers.save(provider);
    services.providers.setKey(provider.id, KEY);
  }
});
afterEach(() => services.dispose());

function providers(): ProviderConfig[] {
  return [
    testProvider({ id: 'kimi', name: 'Kimi (test)', baseUrl: server.openaiBaseUrl }),
    testProvider({ id: 'claude', kind: 'anthropic', name: 'Claude (test)', baseUrl: server.anthropicBaseUrl }),
    testProvider({ id: 'tiny', name: 'Tiny', baseUrl: server.openaiBaseUrl }, { contextWindow: 300 }),
    testProvider({ id: 'local8k', name: 'llama.cpp 8K', baseUrl: server.openaiBaseUrl }, { contextWindow: 8_192 }),
  ];
}

function askService(overrides: Partial<AskServiceDependencies> = {}) {
  return createAskService({
    rows: createAnswerRows(services.db),
    calls: services.calls,
    citations: services.citations,
    inTransaction: (work) => services.db.transaction(work)(),
    answers: services.answers,
    documents: services.documents,
    providers: services.providers,
    matters: services.matters,
    clock: { now: () => Date.now() },
    language: () => 'vi',
    retry: { maxAttempts: 3, backoffSeconds: () => 1, maxWaitSeconds: 5 },
    ...overrides,
  });
}

function ask(overrides: Partial<AskServiceDependencies> = {}, providerId = 'kimi') {
  const service = askService(overrides);
  const events: AskStreamEvent[] = [];
  const started = service.start(
    { documentIds: [documentId], providerId, model: 'test-model', question: 'Phạt vi phạm bao nhiêu?' },
    { onEvent: (event) => events.push(event) },
  );
  return { service, started, events };
}

const firstModel = () => {
  const model = providers()[0]?.models[0];
  if (!model) throw new Error('no model');
  return model;
};

const kinds = (events: AskStreamEvent[]) => events.map((e) => e.kind);

/** Resolves once some text has streamed in. */
function firstDelta(events: AskStreamEvent[]): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (events.some((e) => e.kind === 'delta')) {
        clearInterval(poll);
        resolve();
      }
    }, 10);
  });
}

describe('asking an OpenAI-compatible provider', () => {
  it.each([
    ['kimi', 'finish_reason "length"'],
    ['claude', 'stop_reason "max_tokens"'],
  ])(
    'marks an answer cut off when the model stopped at its output limit (%s: %s), and a whole one as whole',
    async (providerId) => {
      server.script({ answer: ANSWER, apiKey: KEY, finishReason: 'length' });
      const cut = await ask({}, providerId).started.finished;
      expect(cut).toMatchObject({ status: 'done', finishReason: 'length', text: ANSWER });
      expect(isCutOff(cut)).toBe(true);
      expect(services.history.item(cut.id)).toMatchObject({ finishReason: 'length' });
      // Asked again, a cut-off answer is not served from the cache: the provider is asked, and answers whole.
      server.script({ answer: ANSWER, apiKey: KEY });
      const again = ask({}, providerId).started;
      expect(again.cached).toBe(false);
      const whole = await again.finished;
      expect(whole).toMatchObject({ status: 'done', finishReason: 'stop' });
      expect(isCutOff(whole)).toBe(false);
      expect(server.requests).toHaveLength(2);
    },
  );

  it('streams the answer in coalesced deltas, then stores it with the exact usage and its cost', async () => {
    server.script({
      answer: ANSWER,
      apiKey: KEY,
      tokensPerSecond: 400,
      usage: { input: 1200, cachedInput: 200, output: 60 },
    });
    const { started, events } = ask();
    const answer = await started.finished;

    expect(answer).toMatchObject({
      status: 'done',
      text: ANSWER,
      usage: { input: 1200, cachedInput: 200, output: 60 },
    });
    expect(answer.cost).toBeCloseTo(costOf({ input: 1200, cachedInput: 200, output: 60 }, firstModel()), 12);
    expect(answer.ttftMs).not.toBeNull();
    const deltas = events.filter((e) => e.kind === 'delta');
    expect(deltas.map((e) => (e.kind === 'delta' ? e.text : '')).join('')).toBe(ANSWER);
    // Thirty-odd words arrive; fewer events go out.
    expect(deltas.length).toBeLessThan(ANSWER.split(' ').length);
    expect(
      kinds(events)
        .filter((kind) => kind !== 'citations')
        .slice(-2),
    ).toEqual(['usage', 'done']);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, index) => index + 1));
    // The key went to the provider; the system prompt asks for citations in the fixed form.
    expect(server.requests[0]?.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.stringify(server.requests[0]?.body.messages)).toContain('[tr. 12, Điều 8]');
    // Its citations checked against the contract: both clauses are there, and nothing was quoted.
    expect(answer.citations?.map((c) => [c.clause, c.verdict])).toEqual([
      ['Điều 8', 'no-quote'],
      ['Điều 12', 'no-quote'],
    ]);
    // Each checked while the answer streamed, right after the text that completed it, as the stored check says.
    const streamed = events.flatMap((e) => (e.kind === 'citations' ? e.checks : []));
    expect(streamed).toEqual(answer.citations);
    const firstCheck = events.findIndex((e) => e.kind === 'citations');
    const textBefore = events
      .slice(0, firstCheck)
      .map((e) => (e.kind === 'delta' ? e.text : ''))
      .join('');
    expect(textBefore.length).toBeGreaterThanOrEqual(streamed[0]?.end ?? Number.POSITIVE_INFINITY);
    expect(firstCheck).toBeLessThan(events.findIndex((e) => e.kind === 'done'));
    // One provider call, as reported, whose cost is the answer's.
    expect(services.calls.forAnswer(answer.id)).toEqual([
      expect.objectContaining({
        role: 'single',
        chunkIndex: null,
        providerId: 'kimi',
        host: '127.0.0.1',
        usage: { input: 1200, cachedInput: 200, output: 60 },
        cost: answer.cost,
        reported: true,
        status: 'done',
        error: null,
      }),
    ]);
  });

  it('reads usage where Moonshot puts it, inside the last choice', async () => {
    server.script({
      answer: ANSWER,
      apiKey: KEY,
      usagePlacement: 'in-choice',
      usage: { input: 900, cachedInput: 300, output: 40 },
    });
    const answer = await ask().started.finished;
    expect(answer.usage).toEqual({ input: 900, cachedInput: 300, output: 40 });
  });
});

describe('asking Anthropic', () => {
  it('reads usage from message_start and message_delta', async () => {
    server.script({ answer: ANSWER, apiKey: KEY, usage: { input: 1500, cachedInput: 500, output: 70 } });
    const answer = await ask({}, 'claude').started.finished;
    expect(answer).toMatchObject({
      status: 'done',
      text: ANSWER,
      usage: { input: 1500, cachedInput: 500, output: 70 },
    });
    expect(server.requests[0]?.path).toBe('/v1/messages');
  });
});

describe('provider errors', () => {
  it('a refused key is INVALID_API_KEY at once, with no retry', async () => {
    server.script({ answer: ANSWER, faults: [{ kind: 'status', status: 401 }] });
    const { started, events } = ask();
    const answer = await started.finished;
    expect(answer).toMatchObject({ status: 'failed', error: { code: 'INVALID_API_KEY' }, cost: 0 });
    expect(answer.error?.message).toContain('Cài đặt');
    expect(server.requests).toHaveLength(1);
    expect(kinds(events)).toEqual(['error']);
  });

  it('an unknown model is MODEL_NOT_FOUND', async () => {
    server.script({ answer: ANSWER, faults: [{ kind: 'status', status: 404 }] });
    expect((await ask().started.finished).error?.code).toBe('MODEL_NOT_FOUND');
  });

  it('a 429 waits as Retry-After says, counting down, then the answer arrives', async () => {
    server.script({ answer: ANSWER, apiKey: KEY, faults: [{ kind: 'status', status: 429, retryAfterSeconds: 2 }] });
    const { started, events } = ask();
    const answer = await started.finished;
    expect(answer.status).toBe('done');
    const countdown = events.filter((e) => e.kind === 'retry').map((e) => (e.kind === 'retry' ? e.secondsLeft : 0));
    expect(countdown).toEqual([2, 1]);
    expect(events.find((e) => e.kind === 'retry')).toMatchObject({
      reason: 'RATE_LIMITED',
      attempt: 1,
      maxAttempts: 3,
    });
    expect(server.requests).toHaveLength(2);
  });

  it('a 429 that keeps coming gives up after the bounded attempts with RATE_LIMITED', async () => {
    const fault = { kind: 'status' as const, status: 429, retryAfterSeconds: 1 };
    server.script({ answer: ANSWER, apiKey: KEY, faults: [fault, fault, fault, fault] });
    const answer = await ask().started.finished;
    expect(answer.error?.code).toBe('RATE_LIMITED');
    expect(server.requests).toHaveLength(3);
  });

  it('a 500 before the first token is retried with backoff', async () => {
    server.script({ answer: ANSWER, apiKey: KEY, faults: [{ kind: 'status', status: 500 }] });
    const { started, events } = ask();
    expect((await started.finished).status).toBe('done');
    expect(events.find((e) => e.kind === 'retry')).toMatchObject({ reason: 'PROVIDER_UNAVAILABLE', secondsLeft: 1 });
  });

  it('a connection dropped mid-answer is STREAM_INTERRUPTED and keeps the text that arrived', async () => {
    server.script({ answer: ANSWER, apiKey: KEY, faults: [{ kind: 'drop-after', tokens: 5 }] });
    const answer = await ask().started.finished;
    expect(answer).toMatchObject({ status: 'failed', error: { code: 'STREAM_INTERRUPTED' } });
    expect(answer.text).toBe(
      ANSWER.match(/\S+\s*/g)
        ?.slice(0, 5)
        .join(''),
    );
    // Input was sent and billed: the cost is estimated from local counts.
    expect(answer.usage).toBeNull();
    expect(answer.cost).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(1);
  });

  it('a stalled stream ends in TIMEOUT at the deadline, keeping its text', async () => {
    server.script({ answer: ANSWER, apiKey: KEY, faults: [{ kind: 'stall-after', tokens: 3 }] });
    const answer = await ask({ timeoutMs: () => 800 }).started.finished;
    expect(answer).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } });
    expect(answer.text.length).toBeGreaterThan(0);
  });

  it('an unreachable server is NETWORK_UNAVAILABLE', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    services.providers.save({
      ...(providers()[0] as ProviderConfig),
      id: 'down',
      baseUrl: `http://127.0.0.1:${port}/v1`,
    });
    services.providers.setKey('down', KEY);
    const answer = await ask({}, 'down').started.finished;
    expect(answer.error?.code).toBe('NETWORK_UNAVAILABLE');
  });
});

describe('before sending', () => {
  it('refuses a request that cannot fit the context window, saying by how much, and sends nothing', () => {
    expect(() => ask({}, 'tiny')).toThrowError(expect.objectContaining({ code: 'CONTEXT_TOO_LONG' }));
    try {
      ask({}, 'tiny');
    } catch (error) {
      const details = (error as { details: { over: number; contextWindow: number } }).details;
      expect(details.contextWindow).toBe(300);
      expect(details.over).toBeGreaterThan(0);
    }
    expect(server.requests).toHaveLength(0);
    expect(services.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
  });

  it('keeps a quarter of a small window for the answer: an 8,192-token model answers a 3,000-token question', async () => {
    const contract = await services.documents.ingest({
      ingestId: 'long',
      name: 'hop-dong-dai.txt',
      bytes: new TextEncoder().encode(
        Array.from({ length: 180 }, (_, i) => `Điều ${i + 1}. Bên A thanh toán cho Bên B đúng hạn.`).join('\n'),
      ),
    });
    expect(contract.tokens.o200k_base).toBeGreaterThan(2_500);
    server.script({ answer: ANSWER, apiKey: KEY });
    const started = askService().start({
      documentIds: [contract.sha256],
      providerId: 'local8k',
      model: 'test-model',
      question: 'Bên A thanh toán khi nào?',
    });
    expect(started.estimatedInput).toBeGreaterThan(3_000);
    expect((await started.finished).status).toBe('done');
    // What is left for the answer once the contract and the question are in: the model's own reserve.
    expect(server.requests.at(-1)?.body.max_tokens).toBe(2_048);
  });

  it('asks for the model’s own output limit as max_tokens when the lawyer has set one', async () => {
    services.providers.save(
      testProvider({ id: 'limited', baseUrl: server.openaiBaseUrl }, { contextWindow: 8_192, maxOutput: 1_000 }),
    );
    services.providers.setKey('limited', KEY);
    server.script({ answer: ANSWER, apiKey: KEY });
    const started = askService().start({
      documentIds: [documentId],
      providerId: 'limited',
      model: 'test-model',
      question: 'Bên A thanh toán khi nào?',
    });
    expect((await started.finished).status).toBe('done');
    expect(server.requests.at(-1)?.body.max_tokens).toBe(1_000);
  });

  it('refuses a cloud provider without a key, before any request', () => {
    services.providers.save({
      ...(providers()[0] as ProviderConfig),
      id: 'cloud',
      baseUrl: 'https://api.moonshot.ai/v1',
    });
    expect(() => ask({}, 'cloud')).toThrowError(expect.objectContaining({ code: 'API_KEY_MISSING' }));
  });

  it('lets a local server (Ollama, LM Studio) answer without a key', async () => {
    services.providers.clearKey('kimi');
    server.script({ answer: ANSWER });
    expect((await ask().started.finished).status).toBe('done');
    expect(server.requests[0]?.authorization).toBe('Bearer no-key');
  });
});

describe('stop and nothing lost', () => {
  it('Stop aborts the request and keeps the partial answer, marked stopped', async () => {
    server.script({ answer: ANSWER, apiKey: KEY, tokensPerSecond: 20 });
    const { service, started, events } = ask();
    await firstDelta(events);
    expect(service.cancel(started.streamId)).toBe(true);
    const answer = await started.finished;
    expect(answer.status).toBe('stopped');
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.text.length).toBeLessThan(ANSWER.length);
    expect(service.cancel(started.streamId)).toBe(false);
    // The stopped request is billed as estimated: its input was sent.
    expect(services.calls.forAnswer(answer.id)).toEqual([
      expect.objectContaining({ status: 'stopped', reported: false, cost: answer.cost }),
    ]);
    expect(services.calls.forAnswer(answer.id)[0]?.usage.input).toBe(answer.estimatedInput);
  });

  it('a signal from the caller stops the answer as Stop does', async () => {
    server.script({ answer: ANSWER, apiKey: KEY, tokensPerSecond: 20 });
    const controller = new AbortController();
    const events: AskStreamEvent[] = [];
    const service = askService();
    const started = service.start(
      { documentIds: [documentId], providerId: 'kimi', model: 'test-model', question: 'Chấm dứt thế nào?' },
      { signal: controller.signal, onEvent: (event) => events.push(event) },
    );
    await firstDelta(events);
    controller.abort();
    const answer = await started.finished;
    expect(answer.status).toBe('stopped');
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.text.length).toBeLessThan(ANSWER.length);
  });

  it('writes the answer to the database while it streams, at the flush interval', async () => {
    server.script({ answer: ANSWER, apiKey: KEY, tokensPerSecond: 40 });
    const { started } = ask({ flushMs: 100 });
    const row = () =>
      services.db.prepare('SELECT status, text FROM answers WHERE id = ?').get(started.answerId) as {
        status: string;
        text: string;
      };
    expect(row()).toEqual({ status: 'streaming', text: '' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const midway = row();
    expect(midway.status).toBe('streaming');
    expect(midway.text.length).toBeGreaterThan(0);
    expect(ANSWER.startsWith(midway.text)).toBe(true);
    await started.finished;
    expect(row()).toEqual({ status: 'done', text: ANSWER });
  });

  it('marks an answer left streaming by a crash as interrupted at the next start, keeping its text', () => {
    services.db
      .prepare(
        `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, estimated_input, currency,
           created_at, updated_at) VALUES ('crashed', 'q', 'kimi', 'Kimi', 'test-model', 'streaming', 'Theo Điều 8', 10,
           'USD', 1, 1)`,
      )
      .run();
    const reopened = createTempServices({ dataDir: services.dataDir });
    try {
      expect(reopened.answers.get('crashed')).toMatchObject({ status: 'interrupted', text: 'Theo Điều 8' });
    } finally {
      reopened.close();
    }
  });
});

describe('test connection', () => {
  it('passes with the right key and model, and fails with the code a question would get', async () => {
    await expect(services.providers.test('kimi', 'test-model')).resolves.toMatchObject({ ok: true });
    services.providers.setKey('kimi', 'sk-wrong');
    await expect(services.providers.test('kimi', 'test-model')).rejects.toMatchObject({ code: 'INVALID_API_KEY' });
  });
});

describe('the answer cache', () => {
  it('answers the same question on the same documents from history, at no cost, and counts the hit', async () => {
    server.script({ answer: ANSWER, apiKey: KEY, usage: { input: 1000, cachedInput: 0, output: 40 } });
    const first = await ask().started.finished;
    expect(server.requests).toHaveLength(1);

    const service = askService();
    const events: AskStreamEvent[] = [];
    const again = service.start(
      { documentIds: [documentId], providerId: 'kimi', model: 'test-model', question: '  phạt VI PHẠM   bao nhiêu? ' },
      { onEvent: (event) => events.push(event) },
    );
    // Whole in the reply, with no events after it.
    expect(again).toMatchObject({ cached: true, answerId: first.id, estimatedCost: 0, answer: { text: ANSWER } });
    expect((await again.finished).text).toBe(ANSWER);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(services.answers.cacheStats()).toEqual({ hits: 1, saved: first.cost });
  });

  it('asks the provider again when told to, for another model, and after a failure', async () => {
    server.script({ answer: ANSWER, apiKey: KEY });
    await ask().started.finished;
    const service = askService();
    const input = {
      documentIds: [documentId],
      providerId: 'kimi',
      model: 'test-model',
      question: 'Phạt vi phạm bao nhiêu?',
    };
    const fresh = service.start({ ...input, fresh: true });
    expect(fresh.cached).toBe(false);
    await fresh.finished;
    expect(server.requests).toHaveLength(2);

    server.script({ answer: ANSWER, apiKey: KEY, faults: [{ kind: 'status', status: 401 }] });
    await service.start({ ...input, question: 'Một câu hỏi khác?' }).finished;
    server.script({ answer: ANSWER, apiKey: KEY });
    const retried = service.start({ ...input, question: 'Một câu hỏi khác?' });
    expect(retried.cached).toBe(false);
    await retried.finished;
  });
});

describe('asking within a matter', () => {
  const input = { documentIds: [] as string[], providerId: 'kimi', model: 'test-model', question: 'Phạt?' };

  it('files the answer and its documents not yet in a matter under the matter', async () => {
    const matter = services.matters.create('Vụ An Phát');
    const other = services.matters.create('Vụ khác');
    const second = await services.documents.ingest({
      ingestId: 'y',
      name: 'phu-luc.txt',
      bytes: new TextEncoder().encode('Phụ lục 1. Bảng giá.'),
    });
    services.matters.assign(other.id, { documentIds: [second.sha256] });
    const answer = await askService().start({ ...input, documentIds: [documentId, second.sha256], matterId: matter.id })
      .finished;
    expect(answer.matterId).toBe(matter.id);
    // The unfiled document joins the matter; the one already in another matter stays there.
    expect(services.documents.get(documentId).matterId).toBe(matter.id);
    expect(services.documents.get(second.sha256).matterId).toBe(other.id);
  });

  it('refuses a matter that does not exist before sending anything', () => {
    expect(() => askService().start({ ...input, documentIds: [documentId], matterId: 'gone' })).toThrow(
      expect.objectContaining({ code: 'MATTER_NOT_FOUND' }),
    );
    expect(server.requests).toHaveLength(0);
    expect(services.history.page(10, 0).total).toBe(0);
  });

  it('files a cached answer in no matter under the matter it is asked from, and leaves a filed one', async () => {
    const first = await askService().start({ ...input, documentIds: [documentId] }).finished;
    const matter = services.matters.create('Vụ An Phát');
    const again = askService().start({ ...input, documentIds: [documentId], matterId: matter.id });
    expect(again.cached).toBe(true);
    expect((await again.finished).id).toBe(first.id);
    expect(services.answers.get(first.id).matterId).toBe(matter.id);
    const elsewhere = services.matters.create('Vụ khác');
    askService().start({ ...input, documentIds: [documentId], matterId: elsewhere.id });
    expect(services.answers.get(first.id).matterId).toBe(matter.id);
  });
});

describe('the pipeline without its recorder', () => {
  // A map call of a long document or a batch item: preflight and request, recorded its own way.
  it('plans and requests an answer, writing no row and sending no event', async () => {
    const emitted: unknown[] = [];
    const texts: string[] = [];
    const plan = planAsk(
      services,
      { documentIds: [documentId], providerId: 'kimi', model: 'test-model', question: 'Phạt vi phạm bao nhiêu?' },
      'vi',
    );
    const outcome = await requestAnswer({
      target: plan,
      client: createChatClient({ kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: plan.apiKey }),
      prompt: plan.prompt,
      signal: new AbortController().signal,
      retry: DEFAULT_RETRY,
      timeoutMs: 30_000,
      hooks: { onText: (text) => texts.push(text), onRetry: (wait) => emitted.push(wait) },
    });
    expect(outcome).toMatchObject({ status: 'done', text: ANSWER, error: null });
    expect(texts.join('')).toBe(ANSWER);
    expect(outcome.outputTokens).toBeGreaterThan(0);
    expect(emitted).toEqual([]);
    expect(services.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
  });
});

describe('a follow-up question', () => {
  it.each(['kimi', 'claude'])(
    'sends the thread with the documents as the same first message, and keeps the cached input reported (%s)',
    async (providerId) => {
      const service = askService();
      const input = { documentIds: [documentId], providerId, model: 'test-model' };
      const first = await service.start({ ...input, question: 'Phạt vi phạm bao nhiêu?' }).finished;
      server.script({
        answer: 'Chấm dứt theo Điều 12.',
        apiKey: KEY,
        usage: { input: 900, cachedInput: 640, output: 7 },
      });
      const second = await service.start({ ...input, question: 'Còn chấm dứt hợp đồng?', follows: first.id }).finished;
      const third = await service.start({ ...input, question: 'Báo trước bao lâu?', follows: second.id }).finished;

      const [a, b, c] = server.requests.map((request) => request.body.messages ?? []);
      // The documents and the first question are the first user message of every request of the thread, as sent.
      expect(b?.[providerId === 'kimi' ? 1 : 0]).toEqual(a?.[providerId === 'kimi' ? 1 : 0]);
      expect(c?.[providerId === 'kimi' ? 1 : 0]).toEqual(a?.[providerId === 'kimi' ? 1 : 0]);
      const turns = (messages: typeof c) =>
        (messages ?? []).filter((m) => m.role !== 'system').map((m) => `${m.role}: ${String(m.content).slice(-40)}`);
      expect(turns(c)).toEqual([
        expect.stringMatching(/^user: [\s\S]*Câu hỏi: Phạt vi phạm bao nhiêu\?$/),
        `assistant: ${first.text.slice(-40)}`,
        'user: Câu hỏi: Còn chấm dứt hợp đồng?',
        'assistant: Chấm dứt theo Điều 12.',
        'user: Câu hỏi: Báo trước bao lâu?',
      ]);
      expect(second).toMatchObject({ follows: first.id, usage: { input: 900, cachedInput: 640, output: 7 } });
      expect(services.answers.get(third.id).follows).toBe(second.id);
      // The estimate counts the thread: the third question is larger than the first by the answers before it.
      expect(third.estimatedInput).toBeGreaterThan(first.estimatedInput + 7);
    },
  );

  it('is refused on other documents than its thread’s, and its words after other answers are not the cached question', async () => {
    const service = askService();
    const input = { documentIds: [documentId], providerId: 'kimi', model: 'test-model' };
    const first = await service.start({ ...input, question: 'Phạt vi phạm bao nhiêu?' }).finished;
    const other = await services.documents.ingest({
      ingestId: 'y',
      name: 'khac.txt',
      bytes: new TextEncoder().encode('Điều 1. Khác.'),
    });
    expect(() =>
      service.start({ ...input, documentIds: [other.sha256], question: 'Còn gì?', follows: first.id }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    const again = service.start({ ...input, question: 'Phạt vi phạm bao nhiêu?', follows: first.id });
    expect(again.cached).toBe(false);
    await again.finished;
  });
});

describe('a thread', () => {
  it(`holds at most ${MAX_THREAD_TURNS} questions, refused past that rather than cut at its start`, async () => {
    server.script({ answer: 'Có.', apiKey: KEY });
    const service = askService();
    const input = { documentIds: [documentId], providerId: 'kimi', model: 'test-model' };
    let follows: string | undefined;
    for (let n = 1; n <= MAX_THREAD_TURNS; n++) {
      follows = (await service.start({ ...input, question: `Câu ${n}?`, ...(follows ? { follows } : {}) }).finished).id;
    }
    expect(() => service.start({ ...input, question: 'Câu nữa?', ...(follows ? { follows } : {}) })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
