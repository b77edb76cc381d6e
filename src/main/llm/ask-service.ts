import { randomUUID } from 'node:crypto';
import type { Answer, AnswerPlan, AskInput, AskStarted, AskStreamEvent } from '../../shared/answers';
import { answerReserve } from '../../shared/estimate';
import type { Caller, Emit } from '../../shared/events';
import type { Language } from '../../shared/language';
import type { Plan } from '../../shared/plans';
import type { AnswerRows } from '../answers/answer-rows';
import type { AnswersService } from '../answers/answers-service';
import type { ProviderCalls } from '../answers/provider-calls';
import type { CitationChecker } from '../citations/citation-checker';
import type { Clock } from '../clock';
import type { DocumentsService } from '../documents/documents-service';
import type { MattersService } from '../matters/matters-service';
import { type PlansService, planRefusal } from '../plans/plans-service';
import type { ProvidersService } from '../providers/providers-service';
import { countTokensWith } from '../tokens/token-count';
import { type RecorderContext, recordAnswer } from './answer-recorder';
import { callRecord } from './call-record';
import { type ChatClient, type ChatClientOptions, createChatClient } from './chat-client';
import { runMapReduce } from './map-reduce';
import { DEFAULT_RETRY, type RetryPolicy, requestAnswer } from './model-request';
import { type AskPlan, cacheKeyOf, planAsk, planFocusedAsk } from './preflight';
import type { ProviderLimiter } from './provider-limiter';
import { loadAnthropic, loadOpenAi } from './sdks';

/**
 * A question the lawyer asks: the ask pipeline's three parts composed
 * (preflight.ts, model-request.ts, answer-recorder.ts), the answer cache in
 * front of them, and the running answers that Stop can reach.
 */

export interface AskServiceDependencies {
  rows: AnswerRows;
  /** Every request that went to a provider gets its row, in the answer's own transaction. */
  calls: ProviderCalls;
  /** Runs `work` in one database transaction. */
  inTransaction: <T>(work: () => T) => T;
  answers: Pick<AnswersService, 'get'>;
  documents: Pick<DocumentsService, 'get'>;
  providers: Pick<ProvidersService, 'target' | 'list'>;
  /** Filing under a matter is the matters module's; asking within one calls it. */
  matters: Pick<MattersService, 'mustExist' | 'file'>;
  clock: Clock;
  language: () => Language;
  emit?: Emit;
  /** Told when an answer's row is made, when it is stored finished, and when a cached one is filed under a matter. */
  onHistoryChanged?: (answerId: string) => void;
  chatClient?: (options: ChatClientOptions) => ChatClient;
  retry?: RetryPolicy;
  /** How often a streaming answer is written to the database. */
  flushMs?: number;
  /** Text deltas are gathered for this long into one event: about an animation frame. */
  coalesceMs?: number;
  /** The whole request's deadline: about 120 s plus 1 s per 1,000 input tokens. */
  timeoutMs?: (inputTokens: number) => number;
  /** Plans for a question asked with a strategy (or a cap): whole, map-reduce, a larger model. */
  plans?: Pick<PlansService, 'plan'>;
  /** A map-reduce answer's parts asked at once. */
  partsAtOnce?: number;
  /** Checks an answer’s citations against its documents as each completes while it streams, and all of them, stored with it, once it ends. */
  citations?: Pick<CitationChecker, 'check'>;
  /** Where a failure nobody awaits is told. */
  log?: (area: string, error: unknown) => void;
  /** The per-provider gate every request waits at (concurrency, requests and tokens a minute, a 429's pause). */
  limiter?: ProviderLimiter;
}

export interface AskOptions {
  /** A key from elsewhere (the CLI's --api-key-env) instead of the secret store. */
  apiKey?: string | undefined;
  /** Stops the answer as Stop does (the CLI's Ctrl+C, a batch cancelled). */
  signal?: AbortSignal;
  /** The window that asked, which the answer's events go to. */
  caller?: Caller;
  /** Events of this answer only, besides those sent to the window. */
  onEvent?: (event: AskStreamEvent) => void;
}

export interface AskService {
  start(input: AskInput, options?: AskOptions): AskStarted & { finished: Promise<Answer> };
  /** Stops a streaming answer; the text so far is kept and marked stopped. */
  cancel(streamId: string): boolean;
  /**
   * Aborts every running answer and writes no more: the database is about to
   * close. Their rows stay streaming, so the next start marks them interrupted.
   */
  close(): void;
  /**
   * Loads what the first answer would otherwise load on main's event loop while
   * it streams: the configured providers' SDKs and their models' tokenizers
   * (0.2-0.4 s each here). The app calls it once its window is up and idle.
   */
  warmUp(): Promise<void>;
}

/** What the service's functions share. */
interface AskState {
  deps: AskServiceDependencies;
  rows: AnswerRows;
  retry: RetryPolicy;
  timeoutFor: (inputTokens: number) => number;
  clientFor: (options: ChatClientOptions) => ChatClient;
  recorder: RecorderContext;
  /** Running answers by stream id, for Stop. */
  running: Map<string, AbortController>;
  closed: boolean;
}

export function createAskService(deps: AskServiceDependencies): AskService {
  const { rows } = deps;
  const state: AskState = {
    deps,
    rows,
    retry: deps.retry ?? DEFAULT_RETRY,
    timeoutFor: deps.timeoutMs ?? ((tokens: number) => 120_000 + tokens),
    clientFor: deps.chatClient ?? createChatClient,
    recorder: {
      rows,
      clock: deps.clock,
      language: deps.language,
      emit: deps.emit,
      flushMs: deps.flushMs ?? 1000,
      coalesceMs: deps.coalesceMs ?? 16,
      isClosed: () => state.closed,
    },
    running: new Map(),
    closed: false,
  };
  return {
    start: (input, options = {}) => startAsk(state, input, options),
    cancel(streamId) {
      const controller = state.running.get(streamId);
      controller?.abort();
      return controller !== undefined;
    },
    warmUp: () => warmUp(state),
    close() {
      state.closed = true;
      for (const controller of state.running.values()) controller.abort();
    },
  };
}

/**
 * A question asked with a strategy or a cap is planned first: the plan may
 * keep it whole (on the chosen model or a larger one), read it in parts
 * (map-reduce), or refuse it with the numbers.
 */
function startAsk(state: AskState, asked: AskInput, options: AskOptions) {
  let input = asked;
  const { deps } = state;
  if (!input.follows && deps.plans && (input.strategy !== undefined || input.maxInputTokens !== undefined)) {
    const planned = deps.plans.plan({
      documentIds: input.documentIds,
      providerId: input.providerId,
      model: input.model,
      question: input.question,
      strategy: input.strategy ?? 'whole',
      maxInputTokens: input.maxInputTokens,
    });
    const { chosen } = planned;
    if (!chosen) throw planRefusal(planned, input.model);
    if (chosen.strategy === 'map-reduce') return startMapReduce(state, input, chosen, options);
    input = { ...input, providerId: chosen.providerId, model: chosen.model };
    if (chosen.strategy === 'focused') {
      const ask = planFocusedAsk(deps, input, chosen, deps.language(), options.apiKey);
      return startWhole(state, input, options, { ask, read: answerPlanOf(chosen) });
    }
  }
  return startWhole(state, input, options);
}

/** What an answer stores of the plan it was read by: its strategy, its parts, its coverage. */
function answerPlanOf(plan: Plan): AnswerPlan {
  return { strategy: plan.strategy, parts: plan.chunks.length, coverage: plan.coverage, failedParts: [] };
}

/**
 * What every question does before its request: the matter it is filed under
 * checked, and the answer cache asked. `cached` is the reply of a hit (filed
 * under the matter, at no cost), or null; `file` files a new answer.
 */
function beforeRequest(
  state: AskState,
  input: AskInput,
  cacheKey: string,
  streamId: string,
  priced: Pick<AskPlan, 'estimatedInput' | 'estimatedCost' | 'model'>,
) {
  const { deps, rows } = state;
  const matterId = input.matterId ?? null;
  if (matterId !== null) deps.matters.mustExist(matterId);
  const file = (answerId: string) => {
    if (matterId !== null) deps.matters.file(matterId, { answerIds: [answerId], documentIds: input.documentIds });
  };
  const cachedId = input.fresh ? undefined : rows.cached(cacheKey);
  if (!cachedId) return { file, cached: null };
  file(cachedId);
  if (matterId !== null) deps.onHistoryChanged?.(cachedId);
  return { file, cached: fromCache(state, cachedId, streamId, priced) };
}

/** A running answer's signal: Stop (by its stream id) and the caller's own both abort it. */
function runningSignal(state: AskState, streamId: string, options: AskOptions): AbortSignal {
  const controller = new AbortController();
  state.running.set(streamId, controller);
  return options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
}

/**
 * One request: the documents whole (planned here), or a plan's prepared
 * request (the focused passages) with what the answer stores of its plan.
 */
function startWhole(
  state: AskState,
  input: AskInput,
  options: AskOptions,
  prepared?: { ask: AskPlan; read: AnswerPlan },
) {
  const { deps, rows } = state;
  const plan = prepared?.ask ?? planAsk(deps, input, deps.language(), options.apiKey);
  const streamId = randomUUID();
  const { file, cached } = beforeRequest(state, input, plan.cacheKey, streamId, plan);
  if (cached) return cached;
  const answerId = randomUUID();
  rows.create(
    {
      id: answerId,
      cacheKey: plan.cacheKey,
      question: input.question,
      documentIds: input.documentIds,
      providerId: plan.provider.id,
      providerName: plan.provider.name,
      model: plan.model.model,
      estimatedInput: plan.estimatedInput,
      currency: plan.model.currency,
      follows: plan.follows,
      plan: prepared?.read ?? null,
      createdAt: deps.clock.now(),
    },
    () => file(answerId),
  );
  // In the history from its first byte, streaming; again when it ends.
  deps.onHistoryChanged?.(answerId);
  const finished = runAsk(state, answerId, streamId, plan, input.documentIds, options);
  return { streamId, answerId, ...estimates(plan, false), answer: null, finished };
}

/** The request and its recording, reachable by Stop (and the caller's signal) until it ends. */
function runAsk(
  state: AskState,
  answerId: string,
  streamId: string,
  plan: AskPlan,
  documentIds: readonly string[],
  options: AskOptions,
) {
  const signal = runningSignal(state, streamId, options);
  const recorder = recordAnswer(state.recorder, {
    answerId,
    streamId,
    model: plan.model,
    estimatedInput: plan.estimatedInput,
    caller: options.caller,
    onEvent: options.onEvent,
    checkCitations: streamingCheck(state, documentIds),
  });
  const { provider, apiKey } = plan;
  const startedAt = state.deps.clock.now();
  return requestAnswer({
    target: plan,
    client: state.clientFor({ kind: provider.kind, baseUrl: provider.baseUrl, apiKey }),
    prompt: plan.prompt,
    estimatedInput: plan.estimatedInput,
    signal,
    retry: state.retry,
    timeoutMs: state.timeoutFor(plan.estimatedInput),
    hooks: recorder.hooks,
    limiter: state.deps.limiter,
  })
    .then((outcome) => {
      const { deps } = state;
      const citations = checkedCitations(state, outcome.text, documentIds);
      const answer = deps.inTransaction(() => {
        // Once closing, the recorder refuses to write, and so must this.
        if (!state.closed) {
          deps.calls.record(
            callRecord(outcome, {
              answerId,
              role: plan.follows ? 'follow-up' : 'single',
              chunkIndex: null,
              target: plan,
              estimatedInput: plan.estimatedInput,
              language: deps.language(),
              startedAt,
              endedAt: deps.clock.now(),
            }),
          );
        }
        return recorder.finish(outcome, undefined, citations);
      });
      state.deps.onHistoryChanged?.(answer.id);
      return answer;
    })
    .finally(() => state.running.delete(streamId));
}

/** What the reply states before the answer: the input, its cost, and whether the count is the model's own. */
function estimates(plan: Pick<AskPlan, 'estimatedInput' | 'estimatedCost' | 'model'>, cached: boolean) {
  return {
    estimatedInput: plan.estimatedInput,
    // A cached answer costs nothing this time.
    estimatedCost: cached ? 0 : plan.estimatedCost,
    currency: plan.model.currency,
    estimated: !plan.model.exactTokenizer,
    cached,
  };
}

/**
 * The stored answer, whole in the reply, at no cost and with no events; the
 * hit and the money it saved are counted.
 */
function fromCache(
  state: AskState,
  answerId: string,
  streamId: string,
  plan: Pick<AskPlan, 'estimatedInput' | 'estimatedCost' | 'model'>,
) {
  const answer = state.deps.answers.get(answerId);
  state.rows.recordHit(answerId, state.deps.clock.now(), answer.cost ?? 0);
  return { streamId, answerId, ...estimates(plan, true), answer, finished: Promise.resolve(answer) };
}

/** A question over documents past the model's window, read in the plan's parts and answered from their notes. */
function startMapReduce(state: AskState, input: AskInput, plan: Plan, options: AskOptions) {
  const { deps, rows } = state;
  const target = deps.providers.target(plan.providerId, plan.model, options.apiKey);
  const language = deps.language();
  const priced = {
    estimatedInput: plan.estimate.input,
    estimatedCost: plan.estimate.cost,
    model: target.model,
  };
  const cacheKey = cacheKeyOf(
    { ...input, providerId: plan.providerId, model: plan.model, strategy: 'map-reduce' },
    language,
    answerReserve(target.model),
  );
  const streamId = randomUUID();
  const { file, cached } = beforeRequest(state, input, cacheKey, streamId, priced);
  if (cached) return cached;
  const answerId = randomUUID();
  const read = answerPlanOf(plan);
  rows.create(
    {
      id: answerId,
      cacheKey,
      question: input.question,
      documentIds: input.documentIds,
      providerId: target.provider.id,
      providerName: target.provider.name,
      model: target.model.model,
      estimatedInput: plan.estimate.input,
      currency: target.model.currency,
      follows: null,
      plan: read,
      createdAt: deps.clock.now(),
    },
    () => file(answerId),
  );
  deps.onHistoryChanged?.(answerId);

  const signal = runningSignal(state, streamId, options);
  const recorder = recordAnswer(state.recorder, {
    answerId,
    streamId,
    model: target.model,
    estimatedInput: plan.estimate.input,
    caller: options.caller,
    onEvent: options.onEvent,
    checkCitations: streamingCheck(state, input.documentIds),
  });
  const documents = input.documentIds.map((sha256) => deps.documents.get(sha256));
  const finished = runMapReduce({
    answerId,
    plan,
    documents,
    question: input.question,
    language,
    target,
    client: state.clientFor({ kind: target.provider.kind, baseUrl: target.provider.baseUrl, apiKey: target.apiKey }),
    signal,
    retry: state.retry,
    timeoutFor: state.timeoutFor,
    concurrency: deps.partsAtOnce ?? 4,
    limiter: deps.limiter,
    clock: deps.clock,
    hooks: recorder.hooks,
    onPart: (progress) => recorder.parts(progress),
    record: (call) => {
      if (!state.closed) deps.calls.record(call);
    },
  })
    .then((outcome) => {
      const failedPages = new Map<string, number[]>();
      for (const part of outcome.failedParts) {
        failedPages.set(part.document, [...(failedPages.get(part.document) ?? []), ...part.pages]);
      }
      const chars = outcome.failedParts.reduce((sum, part) => {
        const chunk = plan.chunks[part.index];
        return sum + (chunk ? chunk.end - chunk.start : 0);
      }, 0);
      const ended: AnswerPlan = {
        ...read,
        failedParts: outcome.failedParts.map(({ index, document, pages }) => ({ index, document, pages })),
        coverage: {
          ...read.coverage,
          pagesLeftOut: [...failedPages].map(([document, pages]) => ({ document, pages: [...new Set(pages)] })),
          charsSent: read.coverage.chars - chars,
        },
      };
      const citations = checkedCitations(state, outcome.text, input.documentIds);
      const answer = deps.inTransaction(() => recorder.finish(outcome, ended, citations));
      deps.onHistoryChanged?.(answer.id);
      return answer;
    })
    .finally(() => state.running.delete(streamId));
  return { streamId, answerId, ...estimates(priced, false), answer: null, finished };
}

/**
 * The answer's citations checked against its documents; none for an answer
 * with no text. A check that fails is logged and the answer stored unchecked:
 * the lawyer loses no answer to the checker.
 */
function checkedCitations(state: AskState, text: string, documentIds: readonly string[]) {
  if (text === '' || !state.deps.citations || state.closed) return undefined;
  try {
    return state.deps.citations.check(text, documentIds);
  } catch (error) {
    state.deps.log?.('citations', error);
    return undefined;
  }
}

/** The check of citations as they complete in a streaming answer; none without a checker. */
function streamingCheck(state: AskState, documentIds: readonly string[]) {
  const { citations } = state.deps;
  if (!citations) return undefined;
  return (text: string, from: number) => (state.closed ? [] : citations.check(text, documentIds, from));
}

async function warmUp(state: AskState): Promise<void> {
  // The app may have quit before the warm-up's turn came.
  if (state.closed) return;
  const providers = state.deps.providers.list();
  if (providers.some((p) => p.kind === 'openai')) await loadOpenAi();
  if (providers.some((p) => p.kind === 'anthropic')) await loadAnthropic();
  const encodings = new Set(providers.flatMap((p) => p.models.map((m) => m.encoding)));
  for (const encoding of encodings) {
    // One table a turn of the event loop, so a request that comes in meanwhile waits for one at most.
    await new Promise((resolve) => setImmediate(resolve));
    if (state.closed) return;
    countTokensWith(encoding, '');
  }
}
