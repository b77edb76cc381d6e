import { describe, expect, it } from 'vitest';
import { createProviderLimiter, LIMITER_MINUTE_MS, type LimiterTimers, type ProviderLimits } from './provider-limiter';

/** A clock the test moves by hand, running what falls due. */
function manualTimers(): LimiterTimers & { advance(ms: number): Promise<void> } {
  let now = 0;
  let timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  return {
    now: () => now,
    after(ms, run) {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        timers = timers.filter((t) => t !== due);
        due.run();
        await Promise.resolve();
      }
      now = until;
      await Promise.resolve();
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup(limits: Partial<ProviderLimits>) {
  const timers = manualTimers();
  const limiter = createProviderLimiter(
    () => ({ concurrency: 10, requestsPerMinute: null, tokensPerMinute: null, ...limits }),
    timers,
  );
  const granted: string[] = [];
  const releases = new Map<string, () => void>();
  const ask = (name: string, tokens = 1, signal = new AbortController().signal) =>
    limiter.acquire('kimi', tokens, signal).then(
      (release) => {
        granted.push(name);
        releases.set(name, release);
      },
      () => granted.push(`${name}:aborted`),
    );
  return { timers, limiter, granted, releases, ask };
}

describe('the per-provider limiter', () => {
  it('lets `concurrency` requests in at once, the next as one ends, in the order they came', async () => {
    const { granted, releases, ask } = setup({ concurrency: 2 });
    for (const name of ['a', 'b', 'c', 'd']) void ask(name);
    await flush();
    expect(granted).toEqual(['a', 'b']);
    releases.get('b')?.();
    await flush();
    expect(granted).toEqual(['a', 'b', 'c']);
    // Releasing twice frees one slot only.
    releases.get('b')?.();
    await flush();
    expect(granted).toEqual(['a', 'b', 'c']);
  });

  it('holds the requests past the minute’s count until the oldest is a minute old (and a second, for its trip)', async () => {
    const { timers, granted, releases, ask } = setup({ requestsPerMinute: 3 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) void ask(name);
    await flush();
    for (const name of ['a', 'b', 'c']) releases.get(name)?.();
    expect(granted).toEqual(['a', 'b', 'c']);
    await timers.advance(LIMITER_MINUTE_MS - 1);
    await flush();
    expect(granted).toHaveLength(3);
    await timers.advance(1);
    await flush();
    expect(granted).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('weighs each request by its tokens against the minute’s, and lets one larger than the minute go alone', async () => {
    const { timers, granted, releases, ask } = setup({ tokensPerMinute: 100_000 });
    void ask('a', 60_000);
    void ask('b', 50_000);
    void ask('huge', 250_000);
    await flush();
    expect(granted).toEqual(['a']);
    releases.get('a')?.();
    await timers.advance(LIMITER_MINUTE_MS);
    await flush();
    expect(granted).toEqual(['a', 'b']);
    await timers.advance(LIMITER_MINUTE_MS);
    await flush();
    expect(granted).toEqual(['a', 'b', 'huge']);
  });

  it('pauses the provider for every caller until a Retry-After has passed', async () => {
    const { timers, limiter, granted, ask } = setup({});
    limiter.pause('kimi', 5_000);
    void ask('a');
    void ask('b');
    await flush();
    expect(granted).toEqual([]);
    expect(limiter.state('kimi')).toMatchObject({ waiting: 2, pausedUntil: 5_000 });
    await timers.advance(5_000);
    await flush();
    expect(granted).toEqual(['a', 'b']);
  });

  it('drops a waiter whose caller stopped, and lets the next one in', async () => {
    const { granted, releases, ask } = setup({ concurrency: 1 });
    const stop = new AbortController();
    void ask('a');
    void ask('b', 1, stop.signal);
    void ask('c');
    await flush();
    stop.abort();
    await flush();
    releases.get('a')?.();
    await flush();
    expect(granted).toEqual(['a', 'b:aborted', 'c']);
  });
});
