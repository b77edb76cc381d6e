import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderConfig } from '../../shared/providers';
import { type ProviderTestServer, startProviderTestServer, testProvider } from '../llm/testing/provider-test-server';
import { createTempServices } from '../testing/temp-services';
import { createProvidersService, LOCAL_SERVERS } from './providers-service';

const KEY = 'sk-kimi-0123456789';
let moonshot: ProviderTestServer;
let elsewhere: ProviderTestServer;
let services: ReturnType<typeof createTempServices>;

beforeAll(async () => {
  moonshot = await startProviderTestServer();
  elsewhere = await startProviderTestServer();
});
afterAll(async () => {
  await moonshot.close();
  await elsewhere.close();
});
beforeEach(() => {
  services = createTempServices();
  moonshot.requests.length = 0;
  elsewhere.requests.length = 0;
});
afterEach(() => services.dispose());

function kimi(baseUrl: string): ProviderConfig {
  return testProvider({ id: 'kimi', name: 'Kimi', baseUrl }, { model: 'moonshot-v1-128k' });
}

// Finding 5 of the nothing-lost issue: the key followed the provider id, so the window could save the provider
// again with another base URL and have main send the key there.
describe('a stored key is bound to the origin it was entered for', () => {
  it('is cleared when the base URL moves to another origin, and never reaches the new host', async () => {
    services.providers.save(kimi(moonshot.openaiBaseUrl));
    services.providers.setKey('kimi', KEY);
    const moved = services.providers.save(kimi(elsewhere.openaiBaseUrl));
    expect(moved.key).toMatchObject({ set: false, last4: null });
    expect(services.providers.apiKey('kimi')).toBeUndefined();
    // The test servers are on this machine, where no key is needed: the call goes out, without the key.
    await services.providers.test('kimi', 'moonshot-v1-128k');
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]?.authorization).not.toContain(KEY);
  });

  it('stays when the provider is saved again at the same origin (another path, a renamed provider)', () => {
    services.providers.save(kimi(moonshot.openaiBaseUrl));
    services.providers.setKey('kimi', KEY);
    const renamed = services.providers.save({ ...kimi(`${moonshot.openaiBaseUrl}/`), name: 'Kimi (văn phòng)' });
    expect(renamed.key).toMatchObject({ set: true, last4: '6789', origin: new URL(moonshot.openaiBaseUrl).origin });
    expect(services.providers.apiKey('kimi')).toBe(KEY);
  });

  it('takes plain http only for this machine (Ollama, LM Studio), with a coded refusal otherwise', () => {
    expect(() => services.providers.save(kimi('http://api.moonshot.ai/v1'))).toThrow(
      expect.objectContaining({ code: 'INSECURE_BASE_URL' }),
    );
    for (const local of ['http://localhost:11434/v1', 'http://127.0.0.1:1234/v1', 'http://[::1]:8080/v1']) {
      expect(services.providers.save(kimi(local)).baseUrl).toBe(local);
    }
  });
});

describe("a provider's own list of models", () => {
  it.each([
    ['openai', () => moonshot.openaiBaseUrl],
    ['anthropic', () => moonshot.anthropicBaseUrl],
  ] as const)('is fetched from its /models with the stored key, sorted (%s)', async (kind, baseUrl) => {
    moonshot.script({
      answer: '',
      apiKey: KEY,
      models: ['moonshot-v1-8k', 'kimi-k2-0905-preview', 'moonshot-v1-200k'],
    });
    services.providers.save({ ...kimi(baseUrl()), kind });
    services.providers.setKey('kimi', KEY);
    expect(await services.providers.models('kimi')).toEqual([
      'kimi-k2-0905-preview',
      'moonshot-v1-200k',
      'moonshot-v1-8k',
    ]);
    expect(moonshot.requests.at(-1)?.path).toMatch(/\/models$/);
  });

  it('is refused with the coded error of a wrong key', async () => {
    moonshot.script({ answer: '', apiKey: KEY, models: ['moonshot-v1-8k'] });
    services.providers.save(kimi(moonshot.openaiBaseUrl));
    services.providers.setKey('kimi', 'sk-wrong-0123456789');
    await expect(services.providers.models('kimi')).rejects.toMatchObject({ code: 'INVALID_API_KEY' });
  });
});

describe('local servers', () => {
  it('are found at their addresses when they answer, with their models; one not running is left out', async () => {
    moonshot.script({ answer: '', models: ['qwen2.5:14b', 'llama3.1:8b'] });
    const providers = createProvidersService({
      db: services.db,
      secrets: services.secrets,
      clock: { now: () => Date.now() },
      localServers: [
        { presetId: 'ollama', name: 'Ollama', baseUrl: moonshot.openaiBaseUrl },
        // Port 9 (discard) on this machine: nothing listens there.
        { presetId: 'custom', name: 'LM Studio', baseUrl: 'http://127.0.0.1:9/v1' },
      ],
    });
    expect(await providers.discover()).toEqual([
      { presetId: 'ollama', name: 'Ollama', baseUrl: moonshot.openaiBaseUrl, models: ['llama3.1:8b', 'qwen2.5:14b'] },
    ]);
  });

  it('are looked for at Ollama’s and LM Studio’s default ports', () => {
    expect(LOCAL_SERVERS.map((server) => new URL(server.baseUrl).port)).toEqual(['11434', '1234']);
  });
});
