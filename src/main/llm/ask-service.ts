import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Answer, AskInput, AskStarted, AskStreamEvent } from '../../shared/answers';
import { AppError } from '../../shared/errors';
import { ANSWER_RESERVE_TOKENS, costOf, type Usage } from '../../shared/estimate';
import type { AppEvent } from '../../shared/events';
import type { Language } from '../../shared/language';
import type { ProviderConfig, ProviderModel } from '../../shared/providers';
import type { Clock } from '../clock';
import type { DocumentsService } from '../documents/documents-service';
import type { ProvidersService } from '../providers/providers-service';
import type { Db } from '../store/database';
import { countTokensWith } from '../tokens/token-count';
import { createAnswerRows } from './answer-rows';
import { type ChatClient, type ChatClientOptions, createChatClient } from './chat-client';
import { buildPrompt } from './prompt';
import { isAbort, toProviderError } from './provider-errors';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before attempt n+1 when the provider gave no Retry-After. */
  backoffSeconds(attempt: number): number;
  /** A Retry-After longer than this fails at once rather than keep the lawyer waiting. */
  maxWaitSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  backoffSeconds: (attempt) => 2 ** (attempt - 1),
  maxWaitSeconds: 120,
};

export interface AskServiceDependencies {
  db: Db;
  documents: DocumentsService;
  providers: ProvidersService;
  clock: Clock;
  language: () => Language;
  emit?: (event: AppEvent) => void;
  chatClient?: (options: ChatClientOptions) => ChatClient;
  retry?: RetryPolicy;
  /** How often a streaming answer is written to the database. */
  flushMs?: number;
  /** Text deltas are gathered for this long into one event: about an animation frame. */
  coalesceMs?: number;
  /** The whole request's deadline: about 120 s plus 1 s per 1,000 input tokens. */
  timeoutMs?: (inputTokens: number) => number;
}

export interface AskOptions {
  /** A key from elsewhere (the CLI's --api-key-env) instead of the secret store. */
  apiKey?: string | undefined;
  /** Events of this answer only, besides those sent to the windows. */
  onEvent?: (event: AskStreamEvent) => void;
}

export interface AskService {
  start(input: AskInput, options?: AskOptions): AskStarted & { finished: Promise<Answer> };
  /** Stops a streaming answer; the text so far is kept and marked stopped. */
  cancel(streamId: string): boolean;
  get(answerId: string): Answer;
  /** Checks the key and the model with a one-token request; throws the coded error a real question would get. */
  testConnection(providerId: string, model: string): Promise<{ ok: true; latencyMs: number }>;
  /**
   * Aborts every running answer and writes no more: the database is about to
   * close. Their rows stay streaming, so the next start marks them interrupted.
   */
  close(): void;
  /** Marks answers left streaming by a crash as interrupted; returns how many. */
  recoverInterrupted(): number;
}

/** An event without the fields `send` fills in; distributive, so each kind keeps its own fields. */
type StreamPayload = AskStreamEvent extends infer E
  ? E extends AskStreamEvent
    ? Omit<E, 'type' | 'streamId' | 'seq'>
    : never
  : never;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function createAskService(deps: AskServiceDependencies): AskService {
  const rows = createAnswerRows(deps.db);
  const retry = deps.retry ?? DEFAULT_RETRY;
  const flushMs = deps.flushMs ?? 1000;
  const coalesceMs = deps.coalesceMs ?? 16;
  const timeoutFor = deps.timeoutMs ?? ((tokens: number) => 120_000 + tokens);
  const clientFor = deps.chatClient ?? createChatClient;
  const running = new Map<string, AbortController>();
  let closed = false;

  function resolveModel(input: AskInput): { provider: ProviderConfig; model: ProviderModel } {
    const provider = deps.providers.get(input.providerId);
    const model = provider.models.find((m) => m.model === input.model);
    if (!model) throw new AppError('MODEL_NOT_CONFIGURED', { providerId: provider.id, model: input.model });
    return { provider, model };
  }

  function keyFor(
    provider: ProviderConfig,
    override: string | undefined,
  ): { apiKey: string | undefined; host: string } {
    const apiKey = override ?? deps.providers.apiKey(provider.id);
    const host = new URL(provider.baseUrl).hostname;
    // Local servers (Ollama, LM Studio) need no key.
    if (!apiKey && !LOCAL_HOSTS.has(host)) throw new AppError('API_KEY_MISSING', { provider: provider.name });
    return { apiKey, host };
  }

  async function testConnection(providerId: string, modelName: string) {
    const { provider, model } = resolveModel({ providerId, model: modelName, documentIds: [], question: '' });
    const { apiKey, host } = keyFor(provider, undefined);
    const client = clientFor({ kind: provider.kind, baseUrl: provider.baseUrl, apiKey });
    const started = performance.now();
    const signal = AbortSignal.timeout(30_000);
    try {
      for await (const _piece of client.stream({
        model: model.model,
        system: 'Reply OK.',
        user: 'ping',
        maxOutputTokens: 1,
        signal,
      })) {
        // Draining the stream is the test: the key was accepted and the model answered.
      }
    } catch (error) {
      if (signal.aborted) throw new AppError('TIMEOUT', { provider: provider.name, seconds: 30 });
      throw toProviderError(error, {
        provider: provider.name,
        model: model.model,
        host,
        receivedText: false,
        attempts: 1,
      });
    }
    return { ok: true as const, latencyMs: Math.round(performance.now() - started) };
  }

  function start(input: AskInput, options: AskOptions = {}) {
    const { provider, model } = resolveModel(input);
    const { apiKey, host } = keyFor(provider, options.apiKey);

    const documents = input.documentIds.map((sha256) => deps.documents.get(sha256));
    const language = deps.language();
    const prompt = buildPrompt(documents, input.question, language);
    // Document tokens were counted in the extraction worker; only the small parts are counted here, on main.
    const framing = documents.reduce((sum, doc) => sum + 16 + (doc.pages ?? 0) * 5, 0);
    const estimatedInput =
      documents.reduce((sum, doc) => sum + doc.tokens[model.encoding], 0) +
      countTokensWith(model.encoding, `${prompt.system}\n${input.question}`) +
      framing;
    const over = estimatedInput + ANSWER_RESERVE_TOKENS - model.contextWindow;
    if (over > 0) {
      throw new AppError('CONTEXT_TOO_LONG', {
        model: model.model,
        tokens: estimatedInput,
        over,
        contextWindow: model.contextWindow,
      });
    }

    const answerId = randomUUID();
    const streamId = randomUUID();
    rows.create({
      id: answerId,
      question: input.question,
      documentIds: input.documentIds,
      providerId: provider.id,
      providerName: provider.name,
      model: model.model,
      estimatedInput,
      currency: model.currency,
      createdAt: deps.clock.now(),
    });
    const controller = new AbortController();
    running.set(streamId, controller);
    const client = clientFor({ kind: provider.kind, baseUrl: provider.baseUrl, apiKey });
    const finished = stream({
      answerId,
      streamId,
      provider,
      model,
      client,
      prompt,
      estimatedInput,
      controller,
      host,
      onEvent: options.onEvent,
    }).finally(() => running.delete(streamId));

    return {
      streamId,
      answerId,
      estimatedInput,
      estimatedCost: costOf({ input: estimatedInput, cachedInput: 0, output: 0 }, model),
      currency: model.currency,
      estimated: !model.exactTokenizer,
      finished,
    };
  }

  interface Run {
    answerId: string;
    streamId: string;
    provider: ProviderConfig;
    model: ProviderModel;
    client: ChatClient;
    prompt: { system: string; user: string };
    estimatedInput: number;
    controller: AbortController;
    host: string;
    onEvent: ((event: AskStreamEvent) => void) | undefined;
  }

  async function stream(run: Run): Promise<Answer> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let seq = 0;
    let text = '';
    let pending = '';
    let outputTokens = 0;
    let ttftMs: number | null = null;
    let usage: Usage | null = null;
    let dirty = false;
    let coalesceTimer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeoutMs = timeoutFor(run.estimatedInput);

    const send = (event: StreamPayload) => {
      const full = { ...event, type: 'ask:stream', streamId: run.streamId, seq: ++seq } as AskStreamEvent;
      deps.emit?.(full);
      run.onEvent?.(full);
    };
    const flushDelta = () => {
      clearTimeout(coalesceTimer);
      coalesceTimer = undefined;
      if (pending === '') return;
      const costSoFar = costOf({ input: run.estimatedInput, cachedInput: 0, output: outputTokens }, run.model);
      send({ kind: 'delta', text: pending, outputTokens, elapsedMs: elapsed(), ttftMs: ttftMs ?? 0, costSoFar });
      pending = '';
    };
    // At least once a second the text so far is in the database: a crash loses at most that.
    const flushTimer = setInterval(() => {
      if (!dirty || closed) return;
      dirty = false;
      rows.progress(run.answerId, { text, outputTokens, updatedAt: deps.clock.now() });
    }, flushMs);
    const deadline = setTimeout(() => {
      timedOut = true;
      run.controller.abort();
    }, timeoutMs);

    const finish = (status: 'done' | 'stopped' | 'failed', error: AppError | null): Answer => {
      clearInterval(flushTimer);
      clearTimeout(deadline);
      if (closed) throw new AppError('INTERNAL_ERROR', { reason: 'closed while streaming' });
      flushDelta();
      // Without reported usage, the cost is estimated from the local counts: input is billed once sent.
      const billed =
        usage ??
        (text !== '' || status === 'stopped'
          ? { input: run.estimatedInput, cachedInput: 0, output: outputTokens }
          : null);
      const errorData = error?.toData(deps.language()) ?? null;
      rows.finish(run.answerId, {
        status,
        text,
        usage,
        cost: billed ? costOf(billed, run.model) : 0,
        ttftMs,
        latencyMs: elapsed(),
        error: errorData ? { code: errorData.code, message: errorData.message } : null,
        updatedAt: deps.clock.now(),
      });
      const answer = get(run.answerId);
      if (errorData) send({ kind: 'error', error: errorData, answer });
      else send({ kind: 'done', answer });
      return answer;
    };

    const timeoutError = () =>
      new AppError('TIMEOUT', { provider: run.provider.name, seconds: Math.round(timeoutMs / 1000) });

    const context = (attempts: number) => ({
      provider: run.provider.name,
      model: run.model.model,
      host: run.host,
      receivedText: text !== '',
      attempts,
    });

    for (let attempt = 1; ; attempt++) {
      try {
        const request = {
          model: run.model.model,
          system: run.prompt.system,
          user: run.prompt.user,
          maxOutputTokens: ANSWER_RESERVE_TOKENS,
          signal: run.controller.signal,
        };
        for await (const piece of run.client.stream(request)) {
          if (piece.type === 'usage') {
            usage = piece.usage;
            continue;
          }
          ttftMs ??= elapsed();
          text += piece.text;
          outputTokens += countTokensWith(run.model.encoding, piece.text);
          pending += piece.text;
          dirty = true;
          coalesceTimer ??= setTimeout(flushDelta, coalesceMs);
        }
        // An aborted SDK stream may simply end rather than throw.
        if (run.controller.signal.aborted) return timedOut ? finish('failed', timeoutError()) : finish('stopped', null);
        flushDelta();
        if (usage) send({ kind: 'usage', usage, cost: costOf(usage, run.model) });
        return finish('done', null);
      } catch (caught) {
        if (timedOut) return finish('failed', timeoutError());
        if (run.controller.signal.aborted || isAbort(caught)) return finish('stopped', null);
        const error = toProviderError(caught, context(attempt));
        const wait = retryWait(error, attempt);
        if (wait === null) return finish('failed', error);
        const reason = error.code as 'RATE_LIMITED' | 'PROVIDER_UNAVAILABLE';
        for (let secondsLeft = wait; secondsLeft > 0; secondsLeft--) {
          send({ kind: 'retry', reason, secondsLeft, attempt, maxAttempts: retry.maxAttempts });
          if (!(await sleep(1000, run.controller.signal))) {
            return timedOut ? finish('failed', timeoutError()) : finish('stopped', null);
          }
        }
      }
    }

    /** Seconds to wait before trying again, or null to give up: only before any text, only for 429 and 5xx. */
    function retryWait(error: AppError, attempt: number): number | null {
      if (text !== '' || attempt >= retry.maxAttempts) return null;
      if (error.code !== 'RATE_LIMITED' && error.code !== 'PROVIDER_UNAVAILABLE') return null;
      const asked = error.details?.retryAfterSeconds;
      const seconds = typeof asked === 'number' ? asked : retry.backoffSeconds(attempt);
      return seconds > retry.maxWaitSeconds ? null : Math.max(1, seconds);
    }
  }

  function get(answerId: string): Answer {
    const answer = rows.get(answerId);
    if (!answer) throw new AppError('ANSWER_NOT_FOUND', { answerId });
    return answer;
  }

  return {
    start,
    testConnection,
    cancel(streamId) {
      const controller = running.get(streamId);
      controller?.abort();
      return controller !== undefined;
    },
    get,
    recoverInterrupted: () => rows.markInterrupted(deps.clock.now()),
    close() {
      closed = true;
      for (const controller of running.values()) controller.abort();
    },
  };
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
