import type { DocumentDetail } from '../../shared/documents';
import type { AppErrorData } from '../../shared/errors';
import { answerReserve, type Usage } from '../../shared/estimate';
import type { Language } from '../../shared/language';
import { documentText } from '../../shared/page-map';
import type { Plan, PlannedChunk } from '../../shared/plans';
import { buildMapPrompt, buildReducePrompt, NOTHING_IN_PART, type Prompt } from '../../shared/prompt';
import type { ProviderCall } from '../answers/provider-calls';
import type { Clock } from '../clock';
import { chunkPages } from '../plans/chunk-text';
import { NOTE_FRAMING_TOKENS } from '../plans/plan-question';
import type { ModelTarget } from '../providers/providers-service';
import { countTokensWith } from '../tokens/token-count';
import { billedUsage, callRecord } from './call-record';
import type { ChatClient } from './chat-client';
import { type RequestHooks, type RequestOutcome, type RetryPolicy, requestAnswer } from './model-request';
import type { ProviderLimiter } from './provider-limiter';

/**
 * A map-reduce answer: each part of the plan asked on its own (a few at a
 * time), each part's notes kept, then the notes joined by one more request,
 * streamed to the lawyer; in rounds when the notes do not fit one request.
 * Every request is recorded as a provider call. A part that still fails after
 * its retries is not dropped in silence: the outcome names it and its pages.
 */

export interface MapReduceRequest {
  answerId: string;
  plan: Plan;
  documents: readonly DocumentDetail[];
  question: string;
  language: Language;
  target: ModelTarget;
  client: ChatClient;
  /** Stop: every request in flight is aborted, none is started after. */
  signal: AbortSignal;
  retry: RetryPolicy;
  timeoutFor: (inputTokens: number) => number;
  /** Requests of this answer in flight at once (the provider's own limits come on top). */
  concurrency: number;
  /** The provider's gate, shared with every other request to it. */
  limiter?: Pick<ProviderLimiter, 'acquire' | 'pause'> | undefined;
  clock: Clock;
  /** The joining request's text, as the answer the lawyer sees. */
  hooks: RequestHooks;
  /** After each part: how many are done and failed of all. */
  onPart(progress: PartProgress): void;
  record(call: ProviderCall): void;
}

export interface PartProgress {
  done: number;
  failed: number;
  total: number;
}

/** A part that failed after its retries: its pages were not read. */
export interface FailedPart {
  index: number;
  document: string;
  pages: number[];
  error: Pick<AppErrorData, 'code' | 'message'>;
}

export interface MapReduceOutcome extends RequestOutcome {
  failedParts: FailedPart[];
  /** Every request's usage, summed: what the answer cost. */
  usage: Usage | null;
  /** Whether every request's usage was the provider's own report. */
  reported: boolean;
}

interface Note {
  part: number;
  pages: string;
  text: string;
}

export async function runMapReduce(request: MapReduceRequest): Promise<MapReduceOutcome> {
  const startedAt = request.clock.now();
  const { chunks } = request.plan;
  const texts = new Map(request.documents.map((doc) => [doc.sha256, documentText(doc.pageTexts)]));
  const notes: (Note | null)[] = chunks.map(() => null);
  const failedParts: FailedPart[] = [];
  const total: Usage = { input: 0, cachedInput: 0, output: 0 };
  let reported = true;
  let done = 0;
  let firstError: RequestOutcome['error'] = null;

  const call = async (prompt: Prompt, role: ProviderCall['role'], chunkIndex: number | null, hooks: RequestHooks) => {
    const estimatedInput = promptTokens(prompt, request);
    const began = request.clock.now();
    const outcome = await requestAnswer({
      target: request.target,
      client: request.client,
      prompt,
      estimatedInput,
      signal: request.signal,
      retry: request.retry,
      timeoutMs: request.timeoutFor(estimatedInput),
      hooks,
      limiter: request.limiter,
    });
    const billed = billedUsage(outcome, estimatedInput);
    if (billed) {
      total.input += billed.input;
      total.cachedInput += billed.cachedInput;
      total.output += billed.output;
    }
    reported &&= outcome.usage !== null || billed === null;
    request.record(
      callRecord(outcome, {
        answerId: request.answerId,
        role,
        chunkIndex,
        target: request.target,
        estimatedInput,
        language: request.language,
        startedAt: began,
        endedAt: request.clock.now(),
      }),
    );
    return outcome;
  };

  // The parts, `concurrency` at a time, in order of their index.
  let next = 0;
  const silent: RequestHooks = { onText: () => {}, onRetry: () => {} };
  const worker = async () => {
    while (next < chunks.length && !request.signal.aborted) {
      const chunk = chunks[next++] as PlannedChunk;
      const text = texts.get(chunk.document) ?? '';
      const prompt = buildMapPrompt(partOf(request, chunk, text), request.question, request.language);
      const outcome = await call(prompt, 'map', chunk.index, silent);
      if (outcome.status === 'done') {
        notes[chunk.index] = { part: chunk.index + 1, pages: pageRange(chunk.pages), text: outcome.text };
        done++;
      } else if (outcome.status === 'failed' && outcome.error) {
        firstError ??= outcome.error;
        const error = outcome.error.toData(request.language);
        failedParts.push({
          index: chunk.index,
          document: chunk.document,
          pages: chunk.pages,
          error: { code: error.code, message: error.message },
        });
      }
      request.onPart({ done, failed: failedParts.length, total: chunks.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(request.concurrency, chunks.length)) }, worker));

  const end = (outcome: RequestOutcome): MapReduceOutcome => ({
    ...outcome,
    usage: total.input + total.output > 0 ? { ...total } : null,
    reported,
    failedParts: failedParts.sort((a, b) => a.index - b.index),
    latencyMs: request.clock.now() - startedAt,
  });
  if (request.signal.aborted) return end(empty('stopped'));
  // Nothing was read: the answer fails with the first part's reason.
  if (done === 0) return end({ ...empty('failed'), error: firstError });

  // Parts with nothing on the question are left out of the joining request.
  const nothing = NOTHING_IN_PART[request.language];
  let kept = notes.filter((note): note is Note => note !== null && !note.text.trim().startsWith(nothing));
  const room = request.target.model.contextWindow - answerReserve(request.target.model);
  for (;;) {
    const groups = groupNotes(
      kept,
      room - promptTokens(buildReducePrompt([], request.question, request.language), request),
      request,
    );
    if (groups.length <= 1) break;
    // An intermediate round: each group's joined notes become one note.
    const joined: Note[] = [];
    for (const group of groups) {
      if (request.signal.aborted) return end(empty('stopped'));
      const outcome = await call(buildReducePrompt(group, request.question, request.language), 'reduce', null, silent);
      if (outcome.status !== 'done') return end(outcome);
      joined.push({
        part: group[0]?.part ?? 0,
        pages: `${group[0]?.pages}–${group.at(-1)?.pages}`,
        text: outcome.text,
      });
    }
    kept = joined;
  }
  const final = await call(buildReducePrompt(kept, request.question, request.language), 'reduce', null, request.hooks);
  return end(final);
}

function empty(status: RequestOutcome['status']): RequestOutcome {
  return {
    status,
    text: '',
    finishReason: null,
    outputTokens: 0,
    usage: null,
    ttftMs: null,
    accepted: false,
    lostInput: 0,
    latencyMs: 0,
    error: null,
  };
}

/** Notes in order, grouped so that each group fits one joining request. */
function groupNotes(notes: readonly Note[], budget: number, request: MapReduceRequest): Note[][] {
  const groups: Note[][] = [];
  let current: Note[] = [];
  let size = 0;
  for (const note of notes) {
    const tokens = countTokensWith(request.target.model.encoding, note.text) + NOTE_FRAMING_TOKENS;
    if (current.length > 0 && size + tokens > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(note);
    size += tokens;
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups;
}

/** A request's input as LexDesk counts it, for a deadline and for billing when the provider reports nothing. */
function promptTokens(prompt: Prompt, request: MapReduceRequest): number {
  const { encoding } = request.target.model;
  return prompt.messages.reduce(
    (sum, message) => sum + countTokensWith(encoding, message.content),
    countTokensWith(encoding, prompt.system),
  );
}

/** The part's text, page by page, as the map request frames it. */
function partOf(request: MapReduceRequest, chunk: PlannedChunk, text: string) {
  const doc = request.documents.find((d) => d.sha256 === chunk.document);
  return {
    name: doc?.name ?? '',
    pages: doc ? chunkPages(doc, chunk, text) : [],
    paged: doc !== undefined && doc.pages !== null,
    path: chunk.path,
    part: chunk.index + 1,
    of: request.plan.chunks.length,
  };
}

/** "12–14", as the notes say which pages they come from. */
function pageRange(pages: readonly number[]): string {
  if (pages.length === 0) return '';
  const first = pages[0] as number;
  const last = pages.at(-1) as number;
  return first === last ? `${first}` : `${first}–${last}`;
}
