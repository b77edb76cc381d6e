import { performance } from 'node:perf_hooks';
import { AppError } from '../../shared/errors';
import { answerReserve, type Usage } from '../../shared/estimate';
import type { Prompt } from '../../shared/prompt';
import type { ModelTarget } from '../providers/providers-service';
import { countTokensWith } from '../tokens/token-count';
import type { ChatClient } from './chat-client';
import { isAbort, toProviderError } from './provider-errors';
import type { ProviderLimiter } from './provider-limiter';

/**
 * The second part of the ask pipeline: one request to the model, with
 * LexDesk's own retries (the lawyer sees each wait counted down, which the
 * SDKs' silent retries would hide), the provider's usage, a deadline scaled by
 * the input, and the caller's cancellation. It writes nothing: what it hears
 * goes to the caller's hooks, and it ends in an outcome.
 */

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

export interface TextProgress {
  /** Counted locally, with the model's tokenizer: an estimate until the provider reports usage. */
  outputTokens: number;
  elapsedMs: number;
  ttftMs: number;
}

export interface RetryWait {
  reason: 'RATE_LIMITED' | 'PROVIDER_UNAVAILABLE';
  secondsLeft: number;
  attempt: number;
  maxAttempts: number;
}

export interface RequestHooks {
  /** `piece` just arrived; `soFar` is the whole text up to it (the request keeps it, so hooks need not). */
  onText(piece: string, progress: TextProgress, soFar: string): void;
  /** Once a second while a retry waits. */
  onRetry(wait: RetryWait): void;
}

export interface ModelRequest {
  target: ModelTarget;
  client: ChatClient;
  prompt: Prompt;
  /** LexDesk's count of the input, said in a context refusal that gives no numbers of its own. */
  estimatedInput?: number;
  /** Aborting it stops the request; what arrived is kept, and the outcome is `stopped`. */
  signal: AbortSignal;
  retry: RetryPolicy;
  timeoutMs: number;
  hooks: RequestHooks;
  /** The provider's gate, shared by every request to it: each attempt waits its turn, and a 429 pauses it for all. */
  limiter?: Pick<ProviderLimiter, 'acquire' | 'pause'> | undefined;
  /** The reply is to be one JSON object (a batch request). */
  json?: boolean;
}

export interface RequestOutcome {
  status: 'done' | 'stopped' | 'failed';
  text: string;
  /** Why the model stopped, when the provider said (chat-client.ts's vocabulary); `length` is an answer cut off. */
  finishReason: string | null;
  outputTokens: number;
  usage: Usage | null;
  ttftMs: number | null;
  latencyMs: number;
  error: AppError | null;
  /** The provider took the request (its stream opened): its input is billed even if no text came. */
  accepted: boolean;
  /**
   * Input of earlier attempts the provider took and then lost before any text
   * (a stream dropped at its start, then retried): billed, yet in no usage it reports.
   */
  lostInput: number;
}

interface Heard {
  text: string;
  outputTokens: number;
  usage: Usage | null;
  ttftMs: number | null;
  finishReason: string | null;
  accepted: boolean;
  lostInput: number;
}

export async function requestAnswer(request: ModelRequest): Promise<RequestOutcome> {
  // One controller a request, aborted by the caller's signal or the deadline, and let go of when the request ends:
  // AbortSignal.timeout and AbortSignal.any would keep a timer, a listener and a signal alive on a long-lived signal
  // (a batch job's) for every request, 2 KB each, thousands in a batch that answers in seconds.
  const controller = new AbortController();
  let timedOut = false;
  const stop = () => controller.abort(request.signal.reason);
  if (request.signal.aborted) stop();
  else request.signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The request took too long', 'TimeoutError'));
  }, request.timeoutMs);
  try {
    return await requestWithin(request, controller.signal, () => timedOut);
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', stop);
  }
}

async function requestWithin(
  request: ModelRequest,
  signal: AbortSignal,
  timedOut: () => boolean,
): Promise<RequestOutcome> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  const heard: Heard = {
    text: '',
    outputTokens: 0,
    usage: null,
    ttftMs: null,
    finishReason: null,
    accepted: false,
    lostInput: 0,
  };
  const end = (status: RequestOutcome['status'], error: AppError | null = null): RequestOutcome => ({
    ...heard,
    status,
    error,
    latencyMs: elapsed(),
  });
  const interrupted = () => (timedOut() ? end('failed', timeoutError(request)) : end('stopped'));

  const providerId = request.target.provider.id;
  for (let attempt = 1; ; attempt++) {
    let release: (() => void) | undefined;
    try {
      release = await request.limiter?.acquire(providerId, request.estimatedInput ?? 0, signal);
      await streamOnce(request, signal, heard, elapsed);
      // An aborted SDK stream may simply end rather than throw.
      return signal.aborted ? interrupted() : end('done');
    } catch (caught) {
      if (signal.aborted || isAbort(caught)) return interrupted();
      const error = toProviderError(caught, {
        provider: request.target.provider.name,
        model: request.target.model.model,
        host: request.target.host,
        receivedText: heard.text !== '',
        attempts: attempt,
        contextWindow: request.target.model.contextWindow,
        ...(request.estimatedInput !== undefined ? { estimatedInput: request.estimatedInput } : {}),
      });
      const asked = error.details?.retryAfterSeconds;
      if (error.code === 'RATE_LIMITED' && typeof asked === 'number') {
        // The provider said when: every request to it waits that long, not only this one.
        request.limiter?.pause(providerId, Date.now() + asked * 1000);
      }
      // The slot is given back (after the pause, so no one takes it early) before any wait for another attempt.
      release?.();
      release = undefined;
      const wait = retryWait(request.retry, error, attempt, heard.text !== '');
      if (wait === null) return end('failed', error);
      if (heard.accepted) {
        // Taken, then lost before any text: the provider bills its input, the next attempt's usage will not say so.
        heard.lostInput += request.estimatedInput ?? 0;
        heard.accepted = false;
      }
      if (!(await countDown(request, error, wait, attempt, signal))) return interrupted();
    } finally {
      release?.();
    }
  }
}

async function streamOnce(request: ModelRequest, signal: AbortSignal, heard: Heard, elapsed: () => number) {
  const { model } = request.target;
  const pieces = request.client.stream({
    model: model.model,
    system: request.prompt.system,
    messages: request.prompt.messages,
    maxOutputTokens: answerReserve(model),
    signal,
    ...(request.json ? { json: true } : {}),
  });
  for await (const piece of pieces) {
    if (piece.type === 'accepted') {
      heard.accepted = true;
      continue;
    }
    if (piece.type === 'usage') {
      heard.usage = piece.usage;
      continue;
    }
    if (piece.type === 'finish') {
      heard.finishReason = piece.reason;
      continue;
    }
    heard.ttftMs ??= elapsed();
    heard.text += piece.text;
    heard.outputTokens += countTokensWith(model.encoding, piece.text);
    const progress = { outputTokens: heard.outputTokens, elapsedMs: elapsed(), ttftMs: heard.ttftMs };
    request.hooks.onText(piece.text, progress, heard.text);
  }
}

/** Seconds to wait before trying again, or null to give up: only before any text, only for 429 and 5xx. */
function retryWait(retry: RetryPolicy, error: AppError, attempt: number, receivedText: boolean): number | null {
  if (receivedText || attempt >= retry.maxAttempts) return null;
  if (error.code !== 'RATE_LIMITED' && error.code !== 'PROVIDER_UNAVAILABLE') return null;
  const asked = error.details?.retryAfterSeconds;
  const seconds = typeof asked === 'number' ? asked : retry.backoffSeconds(attempt);
  return seconds > retry.maxWaitSeconds ? null : Math.max(1, seconds);
}

/** Counts the wait down a second at a time; false if the request was stopped (or ran out of time) meanwhile. */
async function countDown(
  request: ModelRequest,
  error: AppError,
  seconds: number,
  attempt: number,
  signal: AbortSignal,
): Promise<boolean> {
  const reason = error.code as RetryWait['reason'];
  for (let secondsLeft = seconds; secondsLeft > 0; secondsLeft--) {
    request.hooks.onRetry({ reason, secondsLeft, attempt, maxAttempts: request.retry.maxAttempts });
    if (!(await sleep(1000, signal))) return false;
  }
  return true;
}

function timeoutError(request: ModelRequest): AppError {
  return new AppError('TIMEOUT', {
    provider: request.target.provider.name,
    seconds: Math.round(request.timeoutMs / 1000),
  });
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
