import { createHash, randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { BatchCell, BatchQuestion, BatchStart, JobState, PauseReason } from '../../shared/batch';
import { buildBatchPrompt } from '../../shared/batch-prompt';
import type { DocumentDetail } from '../../shared/documents';
import { AppError } from '../../shared/errors';
import { answerReserve, costOf, DOCUMENT_TOKENS, documentTokens } from '../../shared/estimate';
import type { Caller, Emit } from '../../shared/events';
import type { Language } from '../../shared/language';
import type { Coverage, PlannedChunk } from '../../shared/plans';
import type { Prompt } from '../../shared/prompt';
import type { ProviderCalls } from '../answers/provider-calls';
import type { CitationChecker } from '../citations/citation-checker';
import type { Clock } from '../clock';
import type { DocumentsService } from '../documents/documents-service';
import { billedUsage, callRecord } from '../llm/call-record';
import { type ChatClient, type ChatClientOptions, createChatClient } from '../llm/chat-client';
import { DEFAULT_RETRY, type RequestOutcome, type RetryPolicy, requestAnswer } from '../llm/model-request';
import type { ProviderLimiter } from '../llm/provider-limiter';
import { focusedDocuments } from '../plans/chunk-text';
import { createOutlineCache, type OutlineCache, planFocused } from '../plans/plan-question';
import type { ModelTarget, ProvidersService } from '../providers/providers-service';
import { countTokensWith } from '../tokens/token-count';
import { type BatchQuote, quoteBatch } from './batch-preflight';
import { readBatchReply } from './batch-reply';
import { type BatchStore, type ClaimedItem, type JobRecord, jobState } from './batch-store';

/**
 * The batch runner, in main: a job's documents asked a few at a time, each in
 * one request with every question, under the provider's limiter (shared with
 * single questions, so a 429 holds both back). An item is claimed in SQLite
 * before its request leaves and ended in one transaction after, so a crash
 * leaves nothing half-done: at the next start a job still running resumes,
 * its items cut short asked again, the ones done never. Every request is a
 * provider call on record the moment it ends. A run of failures pauses the
 * job and probes the provider with one item before going on; a budget stops
 * it before the item that would pass it.
 */

export interface BatchRunnerDependencies {
  store: BatchStore;
  documents: Pick<DocumentsService, 'get'>;
  providers: Pick<ProvidersService, 'target' | 'list' | 'limits'>;
  calls: Pick<ProviderCalls, 'record'>;
  citations?: Pick<CitationChecker, 'checkQuoted'>;
  limiter?: Pick<ProviderLimiter, 'acquire' | 'pause'>;
  clientFor?: (options: ChatClientOptions) => ChatClient;
  clock: Clock;
  language: () => Language;
  emit?: Emit;
  retry?: RetryPolicy;
  timeoutFor?: (inputTokens: number) => number;
  /** Failures in a row that pause the job, and how long before one item probes the provider again. */
  breaker?: { failures: number; coolDownMs: number };
  /** At most one progress event a job this often. */
  progressMs?: number;
  /** Told when a job ends (a desktop notification in the app). */
  onJobEnded?: (state: JobState) => void;
  outlines?: OutlineCache;
  log?: (what: string, error: unknown) => void;
}

/** Output expected a question: a sentence or two, a value and a citation with its quote. */
export const OUTPUT_TOKENS_PER_QUESTION = 160;
/** An item asked this many times without an answer is failed, not asked again. */
export const MAX_ITEM_ATTEMPTS = 3;
/** Bumped whenever the batch request changes, so earlier answers are not served for it. */
export const BATCH_PROMPT_VERSION = 1;

interface Run {
  job: JobRecord;
  target: ModelTarget;
  client: ChatClient;
  controller: AbortController;
  /** Items in flight, with the cost each is expected to add (for the budget). */
  inFlight: Map<number, number>;
  workers: number;
  /** After the breaker tripped: one item first; the others once it is answered. */
  probing: boolean;
  failuresInARow: number;
  /** The job's tokens besides each document, counted at its first item. */
  overhead: number | undefined;
  startedAt: number;
  ended: number;
  caller: Caller | undefined;
  finished: Promise<JobState>;
  resolve: (state: JobState) => void;
  progressTimer: NodeJS.Timeout | undefined;
  apiKey: string | undefined;
}

export function createBatchRunner(deps: BatchRunnerDependencies) {
  const runs = new Map<string, Run>();
  const probes = new Map<string, NodeJS.Timeout>();
  const retry = deps.retry ?? DEFAULT_RETRY;
  const timeoutFor = deps.timeoutFor ?? ((tokens: number) => 120_000 + tokens);
  const clientFor = deps.clientFor ?? createChatClient;
  const breaker = deps.breaker ?? { failures: 5, coolDownMs: 30_000 };
  const outlines = deps.outlines ?? createOutlineCache();
  let closed = false;

  const stateOf = (id: string): JobState => {
    const job = deps.store.job(id);
    if (!job) throw new AppError('JOB_NOT_FOUND', { jobId: id });
    const run = runs.get(id);
    return jobState(
      job,
      deps.store.counts(id),
      run ? { startedAt: run.startedAt, ended: run.ended } : null,
      deps.clock.now(),
    );
  };

  /** One progress event a job at most every `progressMs`, and one at once when its status changes. */
  const progress = (run: Run, now = false) => {
    if (!deps.emit) return;
    const send = () => {
      run.progressTimer = undefined;
      deps.emit?.('batch:progress', stateOf(run.job.id), run.caller);
    };
    if (now) {
      clearTimeout(run.progressTimer);
      send();
    } else run.progressTimer ??= setTimeout(send, deps.progressMs ?? 250);
  };

  function start(input: BatchStart, options: { caller?: Caller; apiKey?: string } = {}): JobState {
    const target = deps.providers.target(input.providerId, input.model, options.apiKey);
    const language = deps.language();
    // Each distinct document read and planned once (a job may name one many times), from its stored counts.
    const planned = new Map<string, number>();
    let overhead: number | undefined;
    const items = input.documentIds.map((sha256) => {
      let estimatedInput = planned.get(sha256);
      if (estimatedInput === undefined) {
        const doc = deps.documents.get(sha256);
        overhead ??= requestOverhead(doc, input.questions, language, target);
        estimatedInput = planItem(doc, input.questions, language, target, outlines, overhead).input;
        planned.set(sha256, estimatedInput);
      }
      return { document: sha256, estimatedInput, cacheKey: itemKey(sha256, input, language, target) };
    });
    const outputs = OUTPUT_TOKENS_PER_QUESTION * input.questions.length;
    const estimatedCost = items.reduce(
      (sum, item) => sum + costOf({ input: item.estimatedInput, cachedInput: 0, output: outputs }, target.model),
      0,
    );
    const id = randomUUID();
    deps.store.create({
      id,
      name: input.name,
      providerId: input.providerId,
      model: input.model,
      language,
      questions: input.questions,
      concurrency: input.concurrency ?? 4,
      fresh: input.fresh ?? false,
      budget: input.budget ?? null,
      estimatedCost,
      currency: target.model.currency,
      matterId: input.matterId ?? null,
      items,
      now: deps.clock.now(),
    });
    run(id, options);
    return stateOf(id);
  }

  /** Runs a job standing `running`: items left running by a crash or a stop are asked again. */
  function run(id: string, options: { caller?: Caller; apiKey?: string; probing?: boolean } = {}): Run {
    const known = runs.get(id);
    if (known) return known;
    const job = deps.store.job(id);
    if (!job) throw new AppError('JOB_NOT_FOUND', { jobId: id });
    const target = deps.providers.target(job.providerId, job.model, options.apiKey);
    deps.store.unclaimAll(id, deps.clock.now());
    let resolve: (state: JobState) => void = () => {};
    const finished = new Promise<JobState>((done) => {
      resolve = done;
    });
    const controller = new AbortController();
    // Each request in flight listens to the job's signal (for cancel and quit): as many as the job runs at once.
    setMaxListeners(Math.max(10, job.concurrency * 2), controller.signal);
    const started: Run = {
      job,
      target,
      client: clientFor({ kind: target.provider.kind, baseUrl: target.provider.baseUrl, apiKey: target.apiKey }),
      controller,
      inFlight: new Map(),
      workers: 0,
      probing: options.probing ?? false,
      failuresInARow: 0,
      overhead: undefined,
      startedAt: deps.clock.now(),
      ended: 0,
      caller: options.caller,
      finished,
      resolve,
      progressTimer: undefined,
      apiKey: options.apiKey,
    };
    runs.set(id, started);
    spawn(started);
    progress(started, true);
    return started;
  }

  function spawn(run: Run): void {
    const wanted = run.probing ? 1 : run.job.concurrency;
    while (run.workers < wanted) {
      run.workers++;
      void worker(run).finally(() => {
        run.workers--;
        if (run.workers === 0) settle(run);
      });
    }
  }

  async function worker(run: Run): Promise<void> {
    const { store, clock } = deps;
    const id = run.job.id;
    for (;;) {
      if (closed || run.controller.signal.aborted || store.job(id)?.status !== 'running') return;
      if (overBudget(run)) {
        pause(id, 'budget');
        return;
      }
      const item = store.claim(id, clock.now());
      if (!item) return;
      run.inFlight.set(item.position, itemCost(run, item.estimatedInput));
      try {
        await ask(run, item);
      } catch (error) {
        deps.log?.('batch item', error);
        store.unfinished(id, item.position, {
          status: item.attempts >= MAX_ITEM_ATTEMPTS ? 'failed' : 'pending',
          cost: 0,
          error: { code: 'INTERNAL_ERROR', message: String(error) },
          now: clock.now(),
        });
      } finally {
        run.inFlight.delete(item.position);
      }
      progress(run);
      if (run.probing && store.job(id)?.status === 'running' && run.failuresInARow === 0) {
        // The probe answered: the provider is back, all workers go on.
        run.probing = false;
        spawn(run);
      }
    }
  }

  function itemCost(run: Run, estimatedInput: number): number {
    const output = OUTPUT_TOKENS_PER_QUESTION * run.job.questions.length;
    return costOf({ input: estimatedInput, cachedInput: 0, output }, run.target.model);
  }

  /** Whether the next item, with those in flight, could take the spend past the budget. */
  function overBudget(run: Run): boolean {
    const { budget } = run.job;
    if (budget === null) return false;
    const next = deps.store.nextEstimate(run.job.id);
    if (next === null) return false;
    const spent = deps.store.job(run.job.id)?.spent ?? 0;
    const pending = [...run.inFlight.values()].reduce((sum, cost) => sum + cost, 0);
    return spent + pending + itemCost(run, next) > budget;
  }

  /** One item: from an earlier answer, or its request (mended once when its JSON is not right). */
  async function ask(run: Run, item: ClaimedItem): Promise<void> {
    const { store, clock } = deps;
    const id = run.job.id;
    const known = run.job.fresh ? null : store.answered(item.cacheKey);
    if (known) {
      store.finish(id, item.position, { ...known, cost: 0, fromCache: true, now: clock.now() });
      run.ended++;
      run.failuresInARow = 0;
      return;
    }
    const doc = deps.documents.get(item.document);
    const { questions, language } = run.job;
    run.overhead ??= requestOverhead(doc, questions, language, run.target);
    const planned = planItem(doc, questions, language, run.target, outlines, run.overhead);
    const request = { prompt: itemPrompt(doc, questions, language, planned), coverage: planned.coverage };
    let cost = 0;
    const call = async (prompt: Prompt) => {
      // The request's own count, once: what the record says when the provider reports no usage.
      const estimatedInput = promptTokens(prompt, run.target);
      const began = clock.now();
      const outcome = await requestAnswer({
        target: run.target,
        client: run.client,
        prompt,
        estimatedInput,
        signal: run.controller.signal,
        retry,
        timeoutMs: timeoutFor(estimatedInput),
        hooks: { onText: () => {}, onRetry: () => {} },
        limiter: deps.limiter,
        json: true,
      });
      const record = callRecord(outcome, {
        answerId: null,
        role: 'batch',
        chunkIndex: null,
        target: run.target,
        estimatedInput,
        language: run.job.language,
        startedAt: began,
        endedAt: clock.now(),
      });
      // On record the moment it ends: what the provider billed is never lost to a crash after it.
      if (!closed) deps.calls.record({ ...record, batch: { jobId: id, position: item.position } });
      const billed = billedUsage(outcome, estimatedInput);
      if (billed) cost += costOf(billed, run.target.model);
      return outcome;
    };

    const first = await call(request.prompt);
    if (first.status !== 'done') return unanswered(run, item, first, cost);
    let read = readBatchReply(first.text, run.job.questions);
    if (!read.ok) {
      // Asked once to mend it: the document again (billed as cached input where the provider caches), its reply, why.
      const mended = await call(mendPrompt(request.prompt, first.text, read.problem, run.job.language));
      if (mended.status !== 'done') return unanswered(run, item, mended, cost);
      read = readBatchReply(mended.text, run.job.questions);
      if (!read.ok) {
        const error = new AppError('BATCH_REPLY_INVALID', {
          provider: run.target.provider.name,
          problem: read.problem,
        }).toData(run.job.language);
        store.unfinished(id, item.position, { status: 'failed', cost, error, now: clock.now() });
        run.ended++;
        return;
      }
    }
    const cells: BatchCell[] = read.answers.map((answer) => ({
      questionId: answer.id,
      found: answer.found,
      answer: answer.answer,
      value: answer.value,
      citations: answer.citations,
      verdicts: checked(doc.sha256, answer.citations),
    }));
    store.finish(id, item.position, { cells, coverage: request.coverage, cost, fromCache: false, now: clock.now() });
    run.ended++;
    run.failuresInARow = 0;
  }

  function checked(sha256: string, citations: BatchCell['citations']): BatchCell['verdicts'] {
    if (!deps.citations || citations.length === 0) return [];
    try {
      return deps.citations.checkQuoted(sha256, citations);
    } catch (error) {
      deps.log?.('batch citations', error);
      return [];
    }
  }

  /** A request that did not answer: stopped (back to pending), or failed (again later, or for good). */
  function unanswered(run: Run, item: ClaimedItem, outcome: RequestOutcome, cost: number): void {
    const { store, clock } = deps;
    const id = run.job.id;
    const error = outcome.error?.toData(run.job.language) ?? null;
    if (outcome.status === 'stopped') {
      store.unfinished(id, item.position, { status: 'pending', cost, error: null, now: clock.now() });
      return;
    }
    if (outcome.error && REFUSES_THE_JOB.has(outcome.error.code)) {
      // Not this document's fault: every item would fail alike. The job waits for the lawyer, the item unharmed.
      store.unfinished(id, item.position, { status: 'pending', cost, error, now: clock.now() });
      if (store.job(id)?.status === 'running') pause(id, 'provider-refused');
      return;
    }
    const final = item.attempts >= MAX_ITEM_ATTEMPTS || !isRetryable(outcome);
    store.unfinished(id, item.position, { status: final ? 'failed' : 'pending', cost, error, now: clock.now() });
    if (final) run.ended++;
    run.failuresInARow++;
    if (run.failuresInARow >= breaker.failures && store.job(id)?.status === 'running') {
      pause(id, 'provider-failing');
      probeLater(id, run.apiKey);
    }
  }

  function probeLater(id: string, apiKey: string | undefined): void {
    clearTimeout(probes.get(id));
    probes.set(
      id,
      setTimeout(() => {
        probes.delete(id);
        const job = deps.store.job(id);
        if (closed || !job || job.status !== 'paused' || job.pausedReason !== 'provider-failing') return;
        deps.store.setStatus(id, 'running', null, deps.clock.now());
        run(id, { probing: true, ...(apiKey ? { apiKey } : {}) });
      }, breaker.coolDownMs),
    );
  }

  /** The job stops taking items; those in flight end as they will. */
  function pause(id: string, reason: PauseReason): JobState {
    const job = deps.store.job(id);
    if (!job) throw new AppError('JOB_NOT_FOUND', { jobId: id });
    if (job.status === 'running') deps.store.setStatus(id, 'paused', reason, deps.clock.now());
    const run = runs.get(id);
    if (run) progress(run, true);
    return stateOf(id);
  }

  function settle(run: Run): void {
    const id = run.job.id;
    runs.delete(id);
    clearTimeout(run.progressTimer);
    const counts = deps.store.counts(id);
    const job = deps.store.job(id);
    if (job?.status === 'running' && counts.pending === 0 && counts.running === 0 && !closed) {
      deps.store.setStatus(id, 'done', null, deps.clock.now());
    }
    const state = stateOf(id);
    if (!closed) deps.emit?.('batch:progress', state, run.caller);
    if (state.status === 'done') deps.onJobEnded?.(state);
    run.resolve(state);
  }

  return {
    start,
    /**
     * The batch priced on every configured model (the chosen one first when
     * given), before anything is sent: input, output, cost, duration at the
     * provider's limits, documents past each window.
     */
    quote(documentIds: readonly string[], questions: readonly BatchQuestion[]): BatchQuote[] {
      const documents = documentIds.map((sha256) => deps.documents.get(sha256));
      const language = deps.language();
      return deps.providers.list().flatMap((provider) =>
        provider.models.map((model) =>
          quoteBatch(
            documents,
            questions,
            language,
            {
              provider,
              model,
              apiKey: undefined,
              host: URL.canParse(provider.baseUrl) ? new URL(provider.baseUrl).hostname : '',
            },
            deps.providers.limits(provider.id),
            outlines,
          ),
        ),
      );
    },
    /** A paused job goes on: with a new budget when given (null: none), its failed items again when `retryFailed`. */
    resume(
      id: string,
      options: { caller?: Caller; apiKey?: string; retryFailed?: boolean; budget?: number | null } = {},
    ): JobState {
      const job = deps.store.job(id);
      if (!job) throw new AppError('JOB_NOT_FOUND', { jobId: id });
      if (job.status === 'cancelled' || (job.status === 'done' && !options.retryFailed)) return stateOf(id);
      clearTimeout(probes.get(id));
      if (options.budget !== undefined) deps.store.setBudget(id, options.budget, deps.clock.now());
      if (options.retryFailed) deps.store.retryFailed(id, deps.clock.now());
      deps.store.setStatus(id, 'running', null, deps.clock.now());
      run(id, options);
      return stateOf(id);
    },
    pause: (id: string) => pause(id, 'user'),
    /** The job ends: no item is taken, those in flight are aborted. */
    cancel(id: string): JobState {
      const job = deps.store.job(id);
      if (!job) throw new AppError('JOB_NOT_FOUND', { jobId: id });
      if (job.status !== 'done') deps.store.setStatus(id, 'cancelled', null, deps.clock.now());
      clearTimeout(probes.get(id));
      runs.get(id)?.controller.abort();
      return stateOf(id);
    },
    state: stateOf,
    items: (id: string, offset: number, limit: number) => deps.store.items(id, offset, limit),
    list: () => deps.store.jobs().map((job) => stateOf(job.id)),
    /** When the job stops running (done, paused, cancelled, or the app closing): its state then. */
    finished(id: string): Promise<JobState> {
      return runs.get(id)?.finished ?? Promise.resolve(stateOf(id));
    },
    /** At start: every job left running (by a crash or a quit) goes on where it stopped. */
    resumeRunning(options: { apiKey?: string } = {}): string[] {
      const ids = deps.store.runningJobIds();
      for (const id of ids) run(id, options);
      return ids;
    },
    /** Quitting: requests in flight are aborted, their items pending again; jobs stay running, to go on next time. */
    close(): void {
      closed = true;
      for (const timer of probes.values()) clearTimeout(timer);
      for (const run of runs.values()) run.controller.abort();
    },
  };
}

export type BatchRunner = ReturnType<typeof createBatchRunner>;

/** A provider's refusals that are about the job (its key, its model, its address), not about one document. */
const REFUSES_THE_JOB = new Set<string>([
  'API_KEY_MISSING',
  'INVALID_API_KEY',
  'MODEL_NOT_FOUND',
  'MODEL_NOT_CONFIGURED',
  'PROVIDER_NOT_FOUND',
  'INSECURE_BASE_URL',
]);

function isRetryable(outcome: RequestOutcome): boolean {
  const code = outcome.error?.code;
  return (
    code === 'RATE_LIMITED' ||
    code === 'PROVIDER_UNAVAILABLE' ||
    code === 'STREAM_INTERRUPTED' ||
    code === 'TIMEOUT' ||
    code === 'NETWORK_UNAVAILABLE'
  );
}

/** The same document, questions, model and instructions: the same item, whose cells can be served again. */
function itemKey(
  sha256: string,
  input: Pick<BatchStart, 'questions' | 'providerId' | 'model'>,
  language: Language,
  target: ModelTarget,
) {
  const key = JSON.stringify({
    document: sha256,
    questions: input.questions,
    provider: input.providerId,
    model: input.model,
    maxOutputTokens: answerReserve(target.model),
    prompt: BATCH_PROMPT_VERSION,
    language,
  });
  return createHash('sha256').update(key).digest('hex');
}

/** How a document goes in its request: whole, or (past the window) by the passages the focused plan chose. */
interface ItemPlan {
  /** Input expected, from the stored counts: no tokenizer runs over the document for it. */
  input: number;
  coverage: Coverage | null;
  /** The passages sent; null when the document goes whole. */
  chunks: PlannedChunk[] | null;
}

/**
 * What a job's requests send besides each document (instructions, questions,
 * the answer's form, the framing): the same for every document, so counted
 * once a job, on a request with no document text and no name.
 */
export function requestOverhead(
  sample: DocumentDetail,
  questions: readonly BatchQuestion[],
  language: Language,
  target: ModelTarget,
): number {
  return promptTokens(buildBatchPrompt({ ...sample, name: '', pageTexts: [] }, questions, language), target);
}

/**
 * A document's request, planned from its stored token counts (its name taken
 * as a token a character, an upper bound): whole when it fits the model with
 * room for the answer, else the passages that bear most on all the questions.
 */
export function planItem(
  doc: DocumentDetail,
  questions: readonly BatchQuestion[],
  language: Language,
  target: ModelTarget,
  outlines: OutlineCache,
  overhead: number,
): ItemPlan {
  const room = target.model.contextWindow - answerReserve(target.model);
  const whole = overhead + doc.name.length + documentTokens(doc, target.model.encoding);
  if (whole <= room) return { input: whole, coverage: null, chunks: null };
  const plan = planFocused(
    {
      documents: [doc],
      question: questions.map((q) => q.text).join('\n'),
      language,
      chosen: { providerId: target.provider.id, model: target.model },
      maxInputTokens: Math.max(1, room - overhead - doc.name.length),
    },
    outlines,
  );
  const sent = plan.chunks.reduce((sum, chunk) => sum + chunk.tokens, DOCUMENT_TOKENS + doc.name.length);
  return { input: overhead + sent, coverage: plan.coverage, chunks: plan.chunks };
}

/** The request a planned item sends: the document whole, or its chosen passages as its pages. */
function itemPrompt(doc: DocumentDetail, questions: readonly BatchQuestion[], language: Language, planned: ItemPlan) {
  if (!planned.chunks) return buildBatchPrompt(doc, questions, language);
  const [focused] = focusedDocuments([doc], planned.chunks);
  const pageTexts = (focused?.excerpts ?? []).flatMap((excerpt) =>
    excerpt.pages.map((page) => ({ page: page.page, start: 0, text: page.text, tokens: null })),
  );
  return buildBatchPrompt({ ...doc, pageTexts }, questions, language);
}

function promptTokens(prompt: Prompt, target: ModelTarget): number {
  const { encoding } = target.model;
  return prompt.messages.reduce(
    (sum, message) => sum + countTokensWith(encoding, message.content),
    countTokensWith(encoding, prompt.system),
  );
}

/** The request again, with the model's reply and what was wrong with it: answer in the form asked. */
function mendPrompt(prompt: Prompt, reply: string, problem: string, language: Language): Prompt {
  const ask =
    language === 'vi'
      ? `Câu trả lời trên không đúng mẫu JSON đã yêu cầu (${problem}). Hãy trả lời lại, chỉ bằng đối tượng JSON đúng mẫu, đủ mọi mã câu hỏi.`
      : `The reply above is not in the JSON form asked for (${problem}). Reply again with only the JSON object in that form, with every question id.`;
  return {
    system: prompt.system,
    messages: [...prompt.messages, { role: 'assistant', content: reply }, { role: 'user', content: ask }],
  };
}
