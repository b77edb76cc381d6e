import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { ChatClient } from './chat-client';
import { DEFAULT_RETRY, requestAnswer } from './model-request';
import { testModel, testProvider } from './testing/provider-test-server';

// A batch job holds one signal for hours and sends thousands of requests under it: each request must let go of
// what it hung on it. Measured with the collector itself: the signals handed to the provider's client are collected
// once their requests end (AbortSignal.any kept every one alive on the job's signal, 2 KB a request).

setFlagsFromString('--expose_gc');
const collect = runInNewContext('gc') as () => void;

describe('a request under a long-lived signal (a batch job’s)', () => {
  it('lets go of it when it ends, and is still stopped by it while it runs', async () => {
    const job = new AbortController();
    let collected = 0;
    const registry = new FinalizationRegistry(() => {
      collected++;
    });
    let hang = false;
    const client: ChatClient = {
      async *stream(request) {
        registry.register(request.signal, 'signal');
        yield { type: 'accepted' };
        if (hang) await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
        yield { type: 'text', text: 'Điều 8.' };
        yield { type: 'usage', usage: { input: 10, cachedInput: 0, output: 3 } };
      },
      models: async () => [],
    };
    const target = {
      provider: testProvider({ id: 'local', name: 'Máy chủ thử', baseUrl: 'http://127.0.0.1:9/v1' }),
      model: testModel(),
      apiKey: undefined,
      host: '127.0.0.1',
    };
    const ask = () =>
      requestAnswer({
        target,
        client,
        prompt: { system: 'S', messages: [{ role: 'user', content: 'Q' }] },
        signal: job.signal,
        retry: DEFAULT_RETRY,
        timeoutMs: 120_000,
        hooks: { onText: () => {}, onRetry: () => {} },
      });
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const requests = 200;
    for (let i = 0; i < requests; i++) expect((await ask()).status).toBe('done');
    // No deadline left ticking for a request that ended (AbortSignal.timeout kept each for its two minutes).
    expect(timers() - before).toBeLessThan(5);
    for (let round = 0; round < 10 && collected < requests; round++) {
      collect();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(collected).toBeGreaterThanOrEqual(requests * 0.9);
    expect(getEventListeners(job.signal, 'abort')).toHaveLength(0);
    hang = true;
    const running = ask();
    await new Promise((resolve) => setTimeout(resolve, 20));
    job.abort();
    expect((await running).status).toBe('stopped');
  });
});
