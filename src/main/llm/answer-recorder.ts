import type { Answer, AnswerPlan, AskStreamEvent, CitationCheck } from '../../shared/answers';
import { AppError } from '../../shared/errors';
import { costOf } from '../../shared/estimate';
import type { Caller, Emit } from '../../shared/events';
import type { Language } from '../../shared/language';
import type { ProviderModel } from '../../shared/providers';
import type { AnswerRows } from '../answers/answer-rows';
import type { Clock } from '../clock';
import { billedUsage } from './call-record';
import type { RequestHooks, RequestOutcome, TextProgress } from './model-request';

/**
 * The third part of the ask pipeline, for a question the lawyer sees: the
 * answer's row (flushed at least once a second while it streams, so a crash
 * loses at most that) and its events (text coalesced into one delta about a
 * frame, retries counted down, the stored answer at the end). Map calls and
 * batch items record in their own way.
 */

export interface RecorderContext {
  rows: AnswerRows;
  clock: Clock;
  language: () => Language;
  emit: Emit | undefined;
  flushMs: number;
  coalesceMs: number;
  /** True once the database is closing: write nothing more. */
  isClosed: () => boolean;
}

export interface RecordedAnswer {
  answerId: string;
  streamId: string;
  model: ProviderModel;
  estimatedInput: number;
  /** The window that asked: the answer's events go there only. */
  caller: Caller | undefined;
  /** Events of this answer only, besides those sent to the window. */
  onEvent: ((event: AskStreamEvent) => void) | undefined;
  /**
   * The checks of the citations in `text` that start at `from` or after, as
   * they complete while the answer streams; none when there is no checker.
   */
  checkCitations?: ((text: string, from: number) => CitationCheck[]) | undefined;
}

export interface AnswerRecorder {
  /** What the request tells the recorder as it goes. */
  hooks: RequestHooks;
  /** A map-reduce answer's parts read so far, for the window. */
  parts(progress: { done: number; failed: number; total: number }): void;
  /**
   * Stores the outcome (with what the answer read, when it was planned, and
   * its citations as checked), sends the last events, returns the answer.
   */
  finish(outcome: RequestOutcome, plan?: AnswerPlan, citations?: CitationCheck[]): Answer;
}

/** An event without the fields `send` fills in; distributive, so each kind keeps its own fields. */
type StreamPayload = AskStreamEvent extends infer E
  ? E extends AskStreamEvent
    ? Omit<E, 'streamId' | 'seq'>
    : never
  : never;

export function recordAnswer(context: RecorderContext, recorded: RecordedAnswer): AnswerRecorder {
  let seq = 0;
  const send = (event: StreamPayload) => {
    const full: AskStreamEvent = { ...event, streamId: recorded.streamId, seq: ++seq };
    context.emit?.('ask:stream', full, recorded.caller);
    recorded.onEvent?.(full);
  };
  const streamed = streamedCitations(recorded, send);
  const deltas = coalescedDeltas(context.coalesceMs, recorded, send, streamed.check);
  const writer = rowWriter(context, recorded.answerId);
  return {
    hooks: {
      onText(piece, progress, soFar) {
        writer.heard(soFar, progress.outputTokens);
        deltas.add(piece, progress, soFar);
      },
      onRetry: (wait) => send({ kind: 'retry', ...wait }),
    },
    parts: (progress) => send({ kind: 'parts', ...progress }),
    finish(outcome, plan, citations) {
      writer.stop();
      if (context.isClosed()) throw new AppError('INTERNAL_ERROR', { reason: 'closed while streaming' });
      deltas.flush();
      if (outcome.status === 'done' && outcome.usage) {
        send({ kind: 'usage', usage: outcome.usage, cost: costOf(outcome.usage, recorded.model) });
      }
      const answer = store(context, recorded, outcome, plan, citations);
      const error = outcome.error?.toData(context.language()) ?? null;
      if (error) send({ kind: 'error', error, answer });
      else send({ kind: 'done', answer });
      return answer;
    },
  };
}

/**
 * Text gathered for `coalesceMs` into one delta event, with the counts as of
 * its last piece; when the text gathered closed a bracket, the citations it
 * completed are checked right after it (`afterDelta`).
 */
function coalescedDeltas(
  coalesceMs: number,
  recorded: RecordedAnswer,
  send: (event: StreamPayload) => void,
  afterDelta: (soFar: string) => void,
) {
  let pending = '';
  let text = '';
  let last: TextProgress | null = null;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === '' || !last) return;
    const costSoFar = costOf(
      { input: recorded.estimatedInput, cachedInput: 0, output: last.outputTokens },
      recorded.model,
    );
    send({ kind: 'delta', text: pending, ...last, costSoFar });
    const closed = pending.includes(']');
    pending = '';
    if (closed) afterDelta(text);
  };
  return {
    add(piece: string, progress: TextProgress, soFar: string) {
      pending += piece;
      text = soFar;
      last = progress;
      timer ??= setTimeout(flush, coalesceMs);
    },
    flush,
  };
}

/**
 * The citations of a streaming answer checked as each completes, sent as
 * `citations` events; a check that fails is skipped (the answer's own check,
 * at its end, is the one stored).
 */
function streamedCitations(recorded: RecordedAnswer, send: (event: StreamPayload) => void) {
  let from = 0;
  return {
    check(soFar: string) {
      if (!recorded.checkCitations) return;
      let checks: CitationCheck[];
      try {
        checks = recorded.checkCitations(soFar, from);
      } catch {
        return;
      }
      const last = checks.at(-1);
      if (!last) return;
      from = last.end;
      send({ kind: 'citations', checks });
    },
  };
}

/** The text so far written to the row at most once a flush interval, and only when something new arrived. */
function rowWriter(context: RecorderContext, answerId: string) {
  let text = '';
  let outputTokens = 0;
  let dirty = false;
  const timer = setInterval(() => {
    if (!dirty || context.isClosed()) return;
    dirty = false;
    context.rows.progress(answerId, { text, outputTokens, updatedAt: context.clock.now() });
  }, context.flushMs);
  return {
    heard(soFar: string, tokens: number) {
      text = soFar;
      outputTokens = tokens;
      dirty = true;
    },
    stop: () => clearInterval(timer),
  };
}

function store(
  context: RecorderContext,
  recorded: RecordedAnswer,
  outcome: RequestOutcome,
  plan?: AnswerPlan,
  citations?: CitationCheck[],
): Answer {
  // Without reported usage, the cost is estimated from the local counts: input is billed once sent.
  const billed = billedUsage(outcome, recorded.estimatedInput);
  const error = outcome.error?.toData(context.language()) ?? null;
  context.rows.finish(recorded.answerId, {
    status: outcome.status,
    text: outcome.text,
    finishReason: outcome.finishReason,
    usage: outcome.usage,
    cost: billed ? costOf(billed, recorded.model) : 0,
    ttftMs: outcome.ttftMs,
    latencyMs: outcome.latencyMs,
    error: error ? { code: error.code, message: error.message } : null,
    ...(plan ? { plan } : {}),
    ...(citations ? { citations } : {}),
    updatedAt: context.clock.now(),
  });
  const answer = context.rows.get(recorded.answerId);
  if (!answer) throw new AppError('ANSWER_NOT_FOUND', { answerId: recorded.answerId });
  return answer;
}
