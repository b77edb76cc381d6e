import { performance } from 'node:perf_hooks';
import type { Answer, AskStreamEvent } from '../../shared/answers';
import { AppError } from '../../shared/errors';
import { ANSWER_RESERVE_TOKENS, costOf, type Usage } from '../../shared/estimate';
import type { AppEvent } from '../../shared/events';
import type { Language } from '../../shared/language';
import type { ProviderConfig, ProviderModel } from '../../shared/providers';
import type { Clock } from '../clock';
import { countTokensWith } from '../tokens/token-count';
import type { createAnswerRows } from './answer-rows';
import type { RetryPolicy } from './ask-service';
import type { ChatClient } from './chat-client';
import { isAbort, toProviderError } from './provider-errors';

/**
 * One answer's stream: the request, retries with a countdown, text coalesced
 * into events, the row flushed at least once a second, and the outcome stored.
 */

/** What every stream shares, from the ask service. */
export interface StreamContext {
  rows: ReturnType<typeof createAnswerRows>;
  clock: Clock;
  language: () => Language;
  emit: ((event: AppEvent) => void) | undefined;
  retry: RetryPolicy;
  flushMs: number;
  coalesceMs: number;
  timeoutFor: (inputTokens: number) => number;
  /** True once the database is closing: write nothing more. */
  isClosed: () => boolean;
}

/** An event without the fields `send` fills in; distributive, so each kind keeps its own fields. */
type StreamPayload = AskStreamEvent extends infer E
  ? E extends AskStreamEvent
    ? Omit<E, 'type' | 'streamId' | 'seq'>
    : never
  : never;

export interface Run {
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

export async function streamAnswer(context: StreamContext, run: Run): Promise<Answer> {
  const { rows, retry, flushMs, coalesceMs, timeoutFor } = context;
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
    context.emit?.(full);
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
    if (!dirty || context.isClosed()) return;
    dirty = false;
    rows.progress(run.answerId, { text, outputTokens, updatedAt: context.clock.now() });
  }, flushMs);
  const deadline = setTimeout(() => {
    timedOut = true;
    run.controller.abort();
  }, timeoutMs);

  const finish = (status: 'done' | 'stopped' | 'failed', error: AppError | null): Answer => {
    clearInterval(flushTimer);
    clearTimeout(deadline);
    if (context.isClosed()) throw new AppError('INTERNAL_ERROR', { reason: 'closed while streaming' });
    flushDelta();
    // Without reported usage, the cost is estimated from the local counts: input is billed once sent.
    const billed =
      usage ??
      (text !== '' || status === 'stopped'
        ? { input: run.estimatedInput, cachedInput: 0, output: outputTokens }
        : null);
    const errorData = error?.toData(context.language()) ?? null;
    rows.finish(run.answerId, {
      status,
      text,
      usage,
      cost: billed ? costOf(billed, run.model) : 0,
      ttftMs,
      latencyMs: elapsed(),
      error: errorData ? { code: errorData.code, message: errorData.message } : null,
      updatedAt: context.clock.now(),
    });
    const answer = rows.get(run.answerId);
    if (!answer) throw new AppError('ANSWER_NOT_FOUND', { answerId: run.answerId });
    if (errorData) send({ kind: 'error', error: errorData, answer });
    else send({ kind: 'done', answer });
    return answer;
  };

  const timeoutError = () =>
    new AppError('TIMEOUT', { provider: run.provider.name, seconds: Math.round(timeoutMs / 1000) });

  const errorContext = (attempts: number) => ({
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
      const error = toProviderError(caught, errorContext(attempt));
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
