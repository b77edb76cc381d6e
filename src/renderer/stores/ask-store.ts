import { create } from 'zustand';
import type { Answer, AskInput, AskStarted, AskStreamEvent } from '../../shared/answers';
import type { AppErrorData } from '../../shared/errors';
import type { AppEvent } from '../../shared/events';
import { frameBatch } from '../animation-frames';
import { api } from '../api';
import { useDocuments } from './documents-store';
import { toErrorData } from './errors';
import { useHistory } from './history-store';

export interface LiveAnswer {
  input: AskInput;
  started: AskStarted | null;
  text: string;
  status: Answer['status'] | 'starting';
  /** Estimated before sending, then what the provider reported. */
  inputTokens: number;
  inputExact: boolean;
  outputTokens: number;
  outputExact: boolean;
  ttftMs: number | null;
  /** When the request was sent, by the renderer's clock, for the elapsed counter. */
  sentAt: number;
  finishedAt: number | null;
  cost: number;
  costExact: boolean;
  retry: { reason: string; secondsLeft: number; attempt: number; maxAttempts: number } | null;
  error: AppErrorData | null;
}

interface AskState {
  live: LiveAnswer | null;
  ask(input: AskInput): Promise<void>;
  stop(): Promise<void>;
  applyEvent(event: AppEvent): void;
  clear(): void;
}

/** An answer this long is applied at most five times a second while it streams. */
const LONG_ANSWER_CHARS = 100_000;

type DeltaEvent = Extract<AskStreamEvent, { kind: 'delta' }>;

export const useAsk = create<AskState>()((set, get) => {
  // Deltas are applied once a frame, all that came since the last: one render however fast the answer streams.
  // Past LONG_ANSWER_CHARS a render costs tens of milliseconds (the answer is split into blocks again) and
  // leaves garbage for the collector: five a second is then enough to watch it grow.
  let appliedAt = 0;
  const due = () => (get().live?.text.length ?? 0) < LONG_ANSWER_CHARS || performance.now() - appliedAt >= 200;
  const deltas = frameBatch<DeltaEvent>(
    (events) => {
      appliedAt = performance.now();
      const live = get().live;
      const ours = live ? events.filter((event) => belongs(live, event)) : [];
      const last = ours.at(-1);
      if (!live || !last) return;
      set({
        live: {
          ...live,
          status: 'streaming',
          text: live.text + ours.map((event) => event.text).join(''),
          outputTokens: last.outputTokens,
          ttftMs: last.ttftMs,
          cost: last.costSoFar,
          retry: null,
        },
      });
    },
    { due },
  );
  return {
    live: null,
    async ask(input) {
      deltas.flush();
      set({
        live: {
          input,
          started: null,
          text: '',
          status: 'starting',
          inputTokens: 0,
          inputExact: false,
          outputTokens: 0,
          outputExact: false,
          ttftMs: null,
          sentAt: Date.now(),
          finishedAt: null,
          cost: 0,
          costExact: false,
          retry: null,
          error: null,
        },
      });
      try {
        const started = await api.ask.start(input);
        if (started.cached) {
          // From history: the stored answer, complete, and nothing spent this time.
          const answer = await api.answers.get({ answerId: started.answerId });
          if (get().live?.input !== input) return;
          const live = get().live;
          if (!live) return;
          set({
            live: {
              ...live,
              started,
              status: answer.status,
              text: answer.text,
              inputTokens: answer.usage?.input ?? answer.estimatedInput,
              inputExact: answer.usage !== null,
              outputTokens: answer.usage?.output ?? 0,
              outputExact: answer.usage !== null,
              ttftMs: 0,
              cost: 0,
              costExact: true,
              finishedAt: live.sentAt,
            },
          });
          return;
        }
        const live = get().live;
        if (live?.input !== input) return;
        set({
          live: {
            ...live,
            started,
            status: live.status === 'starting' ? 'streaming' : live.status,
            inputTokens: live.inputExact ? live.inputTokens : started.estimatedInput,
            cost: live.costExact ? live.cost : Math.max(live.cost, started.estimatedCost),
          },
        });
      } catch (error) {
        const live = get().live;
        if (live) set({ live: { ...live, status: 'failed', error: toErrorData(error), finishedAt: Date.now() } });
      }
    },
    async stop() {
      const streamId = get().live?.started?.streamId;
      if (streamId) await api.ask.cancel({ streamId });
    },
    applyEvent(event) {
      if (event.type !== 'ask:stream') return;
      if (event.kind === 'delta') {
        deltas.push(event);
        return;
      }
      // Whatever comes after the deltas is applied after them.
      deltas.flush();
      const live = get().live;
      if (!live || !belongs(live, event)) return;
      switch (event.kind) {
        case 'usage':
          set({
            live: {
              ...live,
              inputTokens: event.usage.input,
              inputExact: true,
              outputTokens: event.usage.output,
              outputExact: true,
              cost: event.cost,
              costExact: true,
            },
          });
          return;
        case 'retry':
          set({ live: { ...live, retry: { ...event } } });
          return;
        case 'done':
        case 'error':
          void useHistory.getState().refresh();
          // Its documents may have joined the matter it was asked in.
          if (live.input.matterId) void useDocuments.getState().load();
          set({
            live: {
              ...live,
              status: event.answer.status,
              text: event.answer.text,
              cost: event.answer.cost ?? live.cost,
              costExact: event.answer.usage !== null,
              retry: null,
              error: event.kind === 'error' ? event.error : null,
              finishedAt: Date.now(),
            },
          });
      }
    },
    clear() {
      deltas.flush();
      set({ live: null });
    },
  };
});

function belongs(live: LiveAnswer, event: AskStreamEvent): boolean {
  // Events can arrive before ask:start answers; they belong to the latest request.
  if (live.started && live.started.streamId !== event.streamId) return false;
  // A cached answer is filled in from ask:start's reply, complete.
  return !live.started?.cached;
}
