import { create } from 'zustand';
import type { Answer, AskInput, AskStarted, AskStreamEvent } from '../../shared/answers';
import type { AppErrorData } from '../../shared/errors';
import { frameBatch } from '../animation-frames';
import { api } from '../api';
import { toErrorData } from './errors';

export interface LiveAnswer {
  /** The window's own id for the request, known before main answers (main's stream id comes with `started`). */
  id: string;
  input: AskInput;
  started: AskStarted | null;
  text: string;
  status: Answer['status'] | 'starting';
  /** Why the model stopped, once it has (`length`: cut off at its output limit). */
  finishReason: string | null;
  /** Estimated before sending, then what the provider reported. */
  inputTokens: number;
  inputExact: boolean;
  /** Of the input, what the provider billed as cached (a thread's documents, sent again); 0 until it says. */
  cachedInputTokens: number;
  outputTokens: number;
  outputExact: boolean;
  ttftMs: number | null;
  /** When the request was sent, by the renderer's clock, for the elapsed counter. */
  sentAt: number;
  finishedAt: number | null;
  cost: number;
  costExact: boolean;
  retry: { reason: string; secondsLeft: number; attempt: number; maxAttempts: number } | null;
  /** A map-reduce answer's parts read (and failed) of all; null for one read whole. */
  parts: { done: number; failed: number; total: number } | null;
  /** What a planned answer read, once it is stored: its parts and coverage, and the parts that failed. */
  plan: Answer['plan'];
  /** Its citations as main checked them: each as it completed while streaming, then all once it ended. */
  citations: Answer['citations'];
  error: AppErrorData | null;
}

/** The question being written and the model chosen, kept while the lawyer opens a document and comes back. */
export interface AskDraft {
  question: string;
  /** `providerId/model` as the picker lists it; empty for the first one. */
  choice: string;
}

interface AskState {
  draft: AskDraft;
  setDraft(change: Partial<AskDraft>): void;
  /** The answers asked in this window that are running or on screen, by their `id`. */
  answers: Record<string, LiveAnswer>;
  /** The one the answer panel shows. */
  shownId: string | null;
  ask(input: AskInput): Promise<void>;
  /** Stops the answer on screen; its text so far is kept. */
  stop(): Promise<void>;
  applyEvent(event: AskStreamEvent): void;
}

/** The answer on screen, or null. */
export const shownAnswer = (state: AskState): LiveAnswer | null =>
  state.shownId === null ? null : (state.answers[state.shownId] ?? null);

export const isRunning = (live: LiveAnswer | null): boolean =>
  live?.status === 'starting' || live?.status === 'streaming';

/** An answer this long is applied at most five times a second while it streams. */
const LONG_ANSWER_CHARS = 100_000;
/** Streams whose events came before ask:start's reply named them, and events held a stream: bounds, not expectations. */
const MAX_EARLY_STREAMS = 16;
const MAX_EARLY_EVENTS = 1000;

type DeltaEvent = Extract<AskStreamEvent, { kind: 'delta' }>;

export const useAsk = create<AskState>()((set, get) => {
  /** The window's request id of each stream main has named. */
  const idOfStream = new Map<string, string>();
  /** Events of streams not yet named by ask:start's reply (main may send the first before the reply lands). */
  const early = new Map<string, AskStreamEvent[]>();

  const patch = (id: string, change: Partial<LiveAnswer>) => {
    const live = get().answers[id];
    if (live) set({ answers: { ...get().answers, [id]: { ...live, ...change } } });
  };

  // Deltas are applied once a frame, all that came since the last: one render however fast the answer streams.
  // Past LONG_ANSWER_CHARS a render costs tens of milliseconds (the answer is split into blocks again) and
  // leaves garbage for the collector: five a second is then enough to watch it grow.
  let appliedAt = 0;
  const due = () => {
    const longest = Math.max(0, ...Object.values(get().answers).map((live) => live.text.length));
    return longest < LONG_ANSWER_CHARS || performance.now() - appliedAt >= 200;
  };
  const deltas = frameBatch<DeltaEvent>(
    (events) => {
      appliedAt = performance.now();
      const answers = { ...get().answers };
      for (const event of events) {
        const id = idOfStream.get(event.streamId);
        const live = id === undefined ? undefined : answers[id];
        if (!id || !live) continue;
        answers[id] = {
          ...live,
          status: 'streaming',
          text: live.text + event.text,
          outputTokens: event.outputTokens,
          ttftMs: event.ttftMs,
          cost: event.costSoFar,
          retry: null,
        };
      }
      set({ answers });
    },
    { due },
  );

  function apply(id: string, event: AskStreamEvent): void {
    if (event.kind === 'delta') {
      deltas.push(event);
      return;
    }
    // Whatever comes after the deltas is applied after them.
    deltas.flush();
    const live = get().answers[id];
    if (!live) return;
    switch (event.kind) {
      case 'usage':
        patch(id, {
          inputTokens: event.usage.input,
          inputExact: true,
          cachedInputTokens: event.usage.cachedInput,
          outputTokens: event.usage.output,
          outputExact: true,
          cost: event.cost,
          costExact: true,
        });
        return;
      case 'retry':
        patch(id, { retry: { ...event } });
        return;
      case 'parts':
        patch(id, { parts: { done: event.done, failed: event.failed, total: event.total } });
        return;
      case 'citations':
        // Checked as each completes; the stored check replaces these when the answer ends.
        patch(id, { citations: [...(live.citations ?? []), ...event.checks] });
        return;
      case 'done':
      case 'error':
        // The lists learn of it from main's history:changed event.
        patch(id, {
          status: event.answer.status,
          finishReason: event.answer.finishReason,
          text: event.answer.text,
          cost: event.answer.cost ?? live.cost,
          costExact: event.answer.usage !== null,
          retry: null,
          plan: event.answer.plan,
          citations: event.answer.citations,
          error: event.kind === 'error' ? event.error : null,
          finishedAt: Date.now(),
        });
    }
  }

  function started(id: string, reply: AskStarted): void {
    const live = get().answers[id];
    if (!live) return;
    if (reply.answer) {
      // From history: the stored answer, complete, and nothing spent this time.
      const { answer } = reply;
      patch(id, {
        started: reply,
        status: answer.status,
        finishReason: answer.finishReason,
        text: answer.text,
        inputTokens: answer.usage?.input ?? answer.estimatedInput,
        inputExact: answer.usage !== null,
        cachedInputTokens: answer.usage?.cachedInput ?? 0,
        outputTokens: answer.usage?.output ?? 0,
        outputExact: answer.usage !== null,
        ttftMs: 0,
        cost: 0,
        costExact: true,
        plan: answer.plan,
        citations: answer.citations,
        finishedAt: live.sentAt,
      });
      return;
    }
    patch(id, {
      started: reply,
      status: 'streaming',
      inputTokens: reply.estimatedInput,
      cost: reply.estimatedCost,
    });
    idOfStream.set(reply.streamId, id);
    const waiting = early.get(reply.streamId) ?? [];
    early.delete(reply.streamId);
    for (const event of waiting) apply(id, event);
  }

  /** Keeps the running answers and the one on screen; a finished one out of sight is let go. */
  function kept(answers: Record<string, LiveAnswer>, shownId: string | null): Record<string, LiveAnswer> {
    const keep = Object.values(answers).filter((live) => live.id === shownId || isRunning(live));
    for (const [streamId, id] of idOfStream) if (!keep.some((live) => live.id === id)) idOfStream.delete(streamId);
    return Object.fromEntries(keep.map((live) => [live.id, live]));
  }

  return {
    draft: { question: '', choice: '' },
    setDraft(change) {
      set({ draft: { ...get().draft, ...change } });
    },
    answers: {},
    shownId: null,
    async ask(input) {
      deltas.flush();
      const id = crypto.randomUUID();
      const live: LiveAnswer = {
        id,
        input,
        started: null,
        text: '',
        status: 'starting',
        finishReason: null,
        inputTokens: 0,
        inputExact: false,
        cachedInputTokens: 0,
        outputTokens: 0,
        outputExact: false,
        ttftMs: null,
        sentAt: Date.now(),
        finishedAt: null,
        cost: 0,
        costExact: false,
        retry: null,
        parts: null,
        plan: null,
        citations: null,
        error: null,
      };
      set({ answers: kept({ ...get().answers, [id]: live }, id), shownId: id });
      try {
        started(id, await api.ask.start(input));
      } catch (error) {
        patch(id, { status: 'failed', error: toErrorData(error), finishedAt: Date.now() });
      }
    },
    async stop() {
      const streamId = shownAnswer(get())?.started?.streamId;
      if (streamId) await api.ask.cancel({ streamId });
    },
    applyEvent(event) {
      const id = idOfStream.get(event.streamId);
      if (id !== undefined) {
        apply(id, event);
        return;
      }
      // Before ask:start's reply: held for it. Events go only to the window that asked, so the stream is ours.
      const waiting = early.get(event.streamId);
      if (waiting) {
        if (waiting.length < MAX_EARLY_EVENTS) waiting.push(event);
      } else if (early.size < MAX_EARLY_STREAMS) early.set(event.streamId, [event]);
    },
  };
});
