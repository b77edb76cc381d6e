import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Answer, AskInput, AskStarted, AskStreamEvent } from '../../shared/answers';
import { AppError } from '../../shared/errors';
import { ANSWER_RESERVE_TOKENS, costOf } from '../../shared/estimate';
import type { AppEvent } from '../../shared/events';
import type { Language } from '../../shared/language';
import { isLoopbackHost, type ProviderConfig, type ProviderModel } from '../../shared/providers';
import type { Clock } from '../clock';
import type { DocumentsService } from '../documents/documents-service';
import type { ProvidersService } from '../providers/providers-service';
import type { Db } from '../store/database';
import { countTokensWith } from '../tokens/token-count';
import { createAnswerRows } from './answer-rows';
import { type StreamContext, streamAnswer } from './answer-stream';
import { type ChatClient, type ChatClientOptions, createChatClient } from './chat-client';
import { buildPrompt, PROMPT_VERSION } from './prompt';
import { toProviderError } from './provider-errors';
import { loadAnthropic, loadOpenAi } from './sdks';

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
  /** Cache hits so far and the money they saved (in each answer's currency, USD today). */
  cacheStats(): { hits: number; saved: number };
  /**
   * Loads what the first answer would otherwise load on main's event loop while
   * it streams: the configured providers' SDKs and their models' tokenizers
   * (0.2-0.4 s each here). The app calls it once its window is up and idle.
   */
  warmUp(): Promise<void>;
  /** Marks answers left streaming by a crash as interrupted; returns how many. */
  recoverInterrupted(): number;
}

export function createAskService(deps: AskServiceDependencies): AskService {
  const rows = createAnswerRows(deps.db);
  const retry = deps.retry ?? DEFAULT_RETRY;
  const flushMs = deps.flushMs ?? 1000;
  const coalesceMs = deps.coalesceMs ?? 16;
  const timeoutFor = deps.timeoutMs ?? ((tokens: number) => 120_000 + tokens);
  const clientFor = deps.chatClient ?? createChatClient;
  const running = new Map<string, AbortController>();
  let closed = false;

  function resolveModel(providerId: string, modelName: string): { provider: ProviderConfig; model: ProviderModel } {
    const provider = deps.providers.get(providerId);
    const model = provider.models.find((m) => m.model === modelName);
    if (!model) throw new AppError('MODEL_NOT_CONFIGURED', { providerId: provider.id, model: modelName });
    return { provider, model };
  }

  function keyFor(
    provider: ProviderConfig,
    override: string | undefined,
  ): { apiKey: string | undefined; host: string } {
    const apiKey = override ?? deps.providers.apiKey(provider.id);
    const host = new URL(provider.baseUrl).hostname;
    // Local servers (Ollama, LM Studio) need no key.
    if (!apiKey && !isLoopbackHost(host)) throw new AppError('API_KEY_MISSING', { provider: provider.name });
    return { apiKey, host };
  }

  async function testConnection(providerId: string, modelName: string) {
    const { provider, model } = resolveModel(providerId, modelName);
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
    const { provider, model } = resolveModel(input.providerId, input.model);
    const { apiKey, host } = keyFor(provider, options.apiKey);
    const matterId = input.matterId ?? null;
    if (matterId !== null && !rows.matterExists(matterId)) throw new AppError('MATTER_NOT_FOUND', { matterId });

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

    const streamId = randomUUID();
    const key = cacheKey(input, language);
    const cachedId = input.fresh ? undefined : rows.cached(key);
    if (cachedId) {
      if (matterId !== null) rows.file(cachedId, input.documentIds, matterId);
      return fromCache(cachedId, streamId, estimatedInput, model, options);
    }

    const answerId = randomUUID();
    rows.create({
      id: answerId,
      cacheKey: key,
      question: input.question,
      documentIds: input.documentIds,
      providerId: provider.id,
      providerName: provider.name,
      model: model.model,
      estimatedInput,
      currency: model.currency,
      matterId,
      createdAt: deps.clock.now(),
    });
    const controller = new AbortController();
    running.set(streamId, controller);
    const client = clientFor({ kind: provider.kind, baseUrl: provider.baseUrl, apiKey });
    const finished = streamAnswer(streamContext, {
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
      cached: false,
      finished,
    };
  }

  /** The stored answer, at once and at no cost; the hit and the money it saved are counted. */
  function fromCache(
    answerId: string,
    streamId: string,
    estimatedInput: number,
    model: ProviderModel,
    options: AskOptions,
  ) {
    const answer = get(answerId);
    rows.recordHit(answerId, deps.clock.now(), answer.cost ?? 0);
    const event: AskStreamEvent = { type: 'ask:stream', streamId, seq: 1, kind: 'done', answer };
    // After the caller has the stream id, as a fresh answer's events would be.
    queueMicrotask(() => {
      deps.emit?.(event);
      options.onEvent?.(event);
    });
    return {
      streamId,
      answerId,
      estimatedInput,
      estimatedCost: 0,
      currency: model.currency,
      estimated: !model.exactTokenizer,
      cached: true,
      finished: Promise.resolve(answer),
    };
  }

  const streamContext: StreamContext = {
    rows,
    clock: deps.clock,
    language: deps.language,
    emit: deps.emit,
    retry,
    flushMs,
    coalesceMs,
    timeoutFor,
    isClosed: () => closed,
  };

  /**
   * The same question (case, spacing and Unicode form aside) on the same
   * documents (by SHA-256, in any order), the same model and the same
   * instructions has the same key.
   */
  function cacheKey(input: AskInput, language: Language): string {
    const question = input.question.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
    const documents = [...input.documentIds].sort();
    const parameters = { maxOutputTokens: ANSWER_RESERVE_TOKENS, prompt: PROMPT_VERSION, language };
    const key = JSON.stringify({ question, documents, provider: input.providerId, model: input.model, parameters });
    return createHash('sha256').update(key).digest('hex');
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
    cacheStats: () => rows.cacheStats(),
    async warmUp() {
      // The app may have quit before the warm-up's turn came.
      if (closed) return;
      const providers = deps.providers.list();
      if (providers.some((p) => p.kind === 'openai')) await loadOpenAi();
      if (providers.some((p) => p.kind === 'anthropic')) await loadAnthropic();
      const encodings = new Set(providers.flatMap((p) => p.models.map((m) => m.encoding)));
      for (const encoding of encodings) {
        // One table a turn of the event loop, so a request that comes in meanwhile waits for one at most.
        await new Promise((resolve) => setImmediate(resolve));
        if (closed) return;
        countTokensWith(encoding, '');
      }
    },
    close() {
      closed = true;
      for (const controller of running.values()) controller.abort();
    },
  };
}
