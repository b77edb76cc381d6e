/**
 * One gate per provider, shared by every request the app makes to it (a
 * question, the parts of a map-reduce answer, batch items): at most
 * `concurrency` requests at once, `requestsPerMinute` and `tokensPerMinute`
 * over the last minute, as providers publish them (Moonshot's tier 1: 50
 * concurrent, 200 RPM, 2M TPM). A 429's Retry-After pauses the provider for
 * every caller, not only the one that heard it. Waiters go in the order they
 * came; a request larger than the minute's tokens alone still goes, when the
 * minute is empty.
 *
 * Written here rather than taken from a package: the well-known limiter
 * (bottleneck) has had no release since 2019 and counts tokens in fixed
 * windows that a provider's sliding minute does not match.
 */

export interface ProviderLimits {
  concurrency: number;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
}

export const DEFAULT_LIMITS: ProviderLimits = { concurrency: 4, requestsPerMinute: null, tokensPerMinute: null };

export interface LimiterTimers {
  now(): number;
  /** Runs `run` after `ms`; the function it returns cancels it. */
  after(ms: number, run: () => void): () => void;
}

export const systemTimers: LimiterTimers = {
  now: () => Date.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

export interface ProviderLimiter {
  /** Waits for a slot for a request of `tokens` input tokens; call the function it gives when the request ends. */
  acquire(providerId: string, tokens: number, signal: AbortSignal): Promise<() => void>;
  /** Pauses the provider for everyone until `until` (a 429's Retry-After). */
  pause(providerId: string, until: number): void;
  /** What the provider's gate holds now: for the window and for tests. */
  state(providerId: string): { active: number; waiting: number; pausedUntil: number };
}

/**
 * A request counts against the minute for a little longer than one: the
 * provider counts it when it arrives, which may be later than when it left
 * here (the first of a burst opens its connection, reads its key), and a
 * minute measured from its start would let the next minute's first requests
 * reach the provider inside the same minute as it.
 */
export const LIMITER_MINUTE_MS = 61_000;
const MINUTE = LIMITER_MINUTE_MS;

interface Waiter {
  tokens: number;
  grant: (release: () => void) => void;
}

interface Gate {
  active: number;
  waiting: Waiter[];
  /** Requests started in the last minute: when, and their tokens. */
  started: { at: number; tokens: number }[];
  pausedUntil: number;
  cancelTimer: (() => void) | null;
}

export function createProviderLimiter(
  limitsOf: (providerId: string) => ProviderLimits,
  timers: LimiterTimers = systemTimers,
): ProviderLimiter {
  const gates = new Map<string, Gate>();
  const gateOf = (id: string): Gate => {
    let gate = gates.get(id);
    if (!gate) {
      gate = { active: 0, waiting: [], started: [], pausedUntil: 0, cancelTimer: null };
      gates.set(id, gate);
    }
    return gate;
  };

  /** When the head of the queue may go: now (0), or the time to look again. */
  function readyIn(gate: Gate, limits: ProviderLimits, head: Waiter, now: number): number {
    if (now < gate.pausedUntil) return gate.pausedUntil - now;
    if (gate.active >= Math.max(1, limits.concurrency)) return Number.POSITIVE_INFINITY;
    const oldest = gate.started[0];
    if (limits.requestsPerMinute !== null && gate.started.length >= limits.requestsPerMinute && oldest) {
      return oldest.at + MINUTE - now;
    }
    if (limits.tokensPerMinute !== null && gate.started.length > 0) {
      const used = gate.started.reduce((sum, s) => sum + s.tokens, 0);
      if (used + head.tokens > limits.tokensPerMinute) {
        // Enough leaves the window when the oldest requests turn a minute old.
        let freed = used;
        for (const s of gate.started) {
          freed -= s.tokens;
          if (freed + head.tokens <= limits.tokensPerMinute || freed === 0) return s.at + MINUTE - now;
        }
      }
    }
    return 0;
  }

  function pump(id: string): void {
    const gate = gateOf(id);
    gate.cancelTimer?.();
    gate.cancelTimer = null;
    const limits = limitsOf(id);
    for (;;) {
      const now = timers.now();
      while (gate.started.length > 0 && (gate.started[0]?.at ?? 0) + MINUTE <= now) gate.started.shift();
      const head = gate.waiting[0];
      if (!head) return;
      const wait = readyIn(gate, limits, head, now);
      if (wait > 0) {
        // A slot freed by a release pumps again; a time-bound wait sets a timer.
        if (Number.isFinite(wait)) gate.cancelTimer = timers.after(wait, () => pump(id));
        return;
      }
      gate.waiting.shift();
      gate.active++;
      gate.started.push({ at: now, tokens: head.tokens });
      let released = false;
      head.grant(() => {
        if (released) return;
        released = true;
        gate.active--;
        pump(id);
      });
    }
  }

  return {
    acquire(providerId, tokens, signal) {
      return new Promise((resolve, reject) => {
        if (signal.aborted) return reject(abortError());
        const gate = gateOf(providerId);
        const waiter: Waiter = {
          tokens,
          grant: (release) => {
            signal.removeEventListener('abort', onAbort);
            resolve(release);
          },
        };
        const onAbort = () => {
          const at = gate.waiting.indexOf(waiter);
          if (at !== -1) gate.waiting.splice(at, 1);
          reject(abortError());
          pump(providerId);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        gate.waiting.push(waiter);
        pump(providerId);
      });
    },
    pause(providerId, until) {
      const gate = gateOf(providerId);
      gate.pausedUntil = Math.max(gate.pausedUntil, until);
      pump(providerId);
    },
    state(providerId) {
      const gate = gateOf(providerId);
      return { active: gate.active, waiting: gate.waiting.length, pausedUntil: gate.pausedUntil };
    },
  };
}

function abortError(): Error {
  const error = new Error('stopped while waiting for the provider');
  error.name = 'AbortError';
  return error;
}
