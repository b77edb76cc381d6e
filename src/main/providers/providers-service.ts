import { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  type DiscoveredServer,
  isLoopbackHost,
  type Provider,
  type ProviderConfig,
  type ProviderModel,
} from '../../shared/providers';
import type { Clock } from '../clock';
import { type ChatClient, type ChatClientOptions, createChatClient } from '../llm/chat-client';
import { DEFAULT_LIMITS, type ProviderLimits } from '../llm/provider-limiter';
import type { SecretStore } from '../secrets/secret-store';
import type { Db } from '../store/database';
import { listModels, modelIds, testConnection } from './connection-test';

/** Where a request goes: the provider, the model, the key (none for this machine's servers). */
export interface ModelTarget {
  provider: ProviderConfig;
  model: ProviderModel;
  apiKey: string | undefined;
  /** The provider's host, for error messages. */
  host: string;
}

export interface ProvidersService {
  list(): Provider[];
  /** The provider with its models, or PROVIDER_NOT_FOUND. */
  get(id: string): ProviderConfig;
  save(config: ProviderConfig): Provider;
  remove(id: string): void;
  setKey(id: string, key: string): Provider;
  clearKey(id: string): Provider;
  /** The key, for main's own calls only; it never crosses to a renderer. */
  apiKey(id: string): string | undefined;
  /**
   * The provider, model and key a request goes to: MODEL_NOT_CONFIGURED, or
   * API_KEY_MISSING for a remote host. A key from elsewhere (the CLI's) overrides the stored one.
   */
  target(id: string, model: string, keyOverride?: string): ModelTarget;
  /** Checks the key and the model with a one-token request; throws the coded error a real question would get. */
  test(id: string, model: string): Promise<{ ok: true; latencyMs: number }>;
  /** The model IDs the provider lists, for the lawyer to pick from rather than type. */
  models(id: string): Promise<string[]>;
  /** The local servers running now at their default addresses, with their models; those that do not answer are left out. */
  discover(): Promise<DiscoveredServer[]>;
  /** What the provider allows at once and a minute (LexDesk's default where the lawyer set none). */
  limits(id: string): ProviderLimits;
}

export interface ProvidersDependencies {
  db: Db;
  secrets: SecretStore;
  clock: Clock;
  chatClient?: (options: ChatClientOptions) => ChatClient;
  /** Where local servers listen when installed as they come; tests point these at a test server. */
  localServers?: readonly LocalServer[];
}

/** A model server that runs on this machine, at its default address. */
export type LocalServer = Omit<DiscoveredServer, 'models'>;

/** Ollama and LM Studio as they install: their OpenAI-compatible endpoints on this machine. */
export const LOCAL_SERVERS: readonly LocalServer[] = [
  { presetId: 'ollama', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1' },
  { presetId: 'custom', name: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1' },
];

/** How long a local server has to answer: it is on this machine, or it is not running. */
const LOCAL_PROBE_MS = 1500;

interface ProviderRow {
  id: string;
  kind: ProviderConfig['kind'];
  name: string;
  base_url: string;
  max_concurrent: number | null;
  requests_per_minute: number | null;
  tokens_per_minute: number | null;
}

interface ModelRow {
  model: string;
  context_window: number;
  max_output: number | null;
  currency: 'USD';
  price_input: number;
  price_cached: number;
  price_output: number;
  encoding: ProviderModel['encoding'];
  exact_tokenizer: number;
  checked_on: string;
}

const secretName = (id: string) => `provider:${id}`;

/** A key as stored: with the origin it was entered for. Keys saved before this carry no origin. */
interface BoundKey {
  key: string;
  origin: string | null;
}

const boundKeySchema = z.object({ key: z.string(), origin: z.string() });

function parseStoredKey(stored: string): BoundKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    // An older plain key.
  }
  const bound = boundKeySchema.safeParse(parsed);
  return bound.success ? bound.data : { key: stored, origin: null };
}

const originOf = (baseUrl: string) => new URL(baseUrl).origin;

/** Plain http: only to this machine; anywhere else a key and a contract would cross the network unencrypted. */
function checkTransport(baseUrl: string): void {
  const url = new URL(baseUrl);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new AppError('INSECURE_BASE_URL', { baseUrl: url.origin });
  }
}

export function createProvidersService({
  db,
  secrets,
  clock,
  chatClient = createChatClient,
  localServers,
}: ProvidersDependencies): ProvidersService {
  const selectProviders = db.prepare<[], ProviderRow>(
    `SELECT id, kind, name, base_url, max_concurrent, requests_per_minute, tokens_per_minute
       FROM providers ORDER BY created_at, id`,
  );
  const selectProvider = db.prepare<[string], ProviderRow>(
    `SELECT id, kind, name, base_url, max_concurrent, requests_per_minute, tokens_per_minute
       FROM providers WHERE id = ?`,
  );
  const selectModels = db.prepare<[string], ModelRow>(
    'SELECT * FROM provider_models WHERE provider_id = ? ORDER BY position',
  );
  const upsertProvider = db.prepare(
    `INSERT INTO providers (id, kind, name, base_url, max_concurrent, requests_per_minute, tokens_per_minute,
       created_at, updated_at)
     VALUES (@id, @kind, @name, @baseUrl, @concurrency, @requestsPerMinute, @tokensPerMinute, @now, @now)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, base_url = excluded.base_url,
       max_concurrent = excluded.max_concurrent, requests_per_minute = excluded.requests_per_minute,
       tokens_per_minute = excluded.tokens_per_minute, updated_at = excluded.updated_at`,
  );
  const deleteModels = db.prepare<[string]>('DELETE FROM provider_models WHERE provider_id = ?');
  const insertModel = db.prepare(
    `INSERT INTO provider_models (provider_id, position, model, context_window, max_output, currency, price_input,
       price_cached, price_output, encoding, exact_tokenizer, checked_on)
     VALUES (@providerId, @position, @model, @contextWindow, @maxOutput, @currency, @input, @cachedInput, @output,
       @encoding, @exactTokenizer, @checkedOn)`,
  );
  const deleteProvider = db.prepare<[string]>('DELETE FROM providers WHERE id = ?');

  const save = db.transaction((config: ProviderConfig) => {
    upsertProvider.run({
      id: config.id,
      kind: config.kind,
      name: config.name,
      baseUrl: config.baseUrl,
      concurrency: config.limits?.concurrency ?? null,
      requestsPerMinute: config.limits?.requestsPerMinute ?? null,
      tokensPerMinute: config.limits?.tokensPerMinute ?? null,
      now: clock.now(),
    });
    deleteModels.run(config.id);
    for (const [position, model] of config.models.entries()) {
      insertModel.run({
        ...model,
        maxOutput: model.maxOutput ?? null,
        providerId: config.id,
        position,
        exactTokenizer: model.exactTokenizer ? 1 : 0,
      });
    }
  });

  function config(row: ProviderRow): ProviderConfig {
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      baseUrl: row.base_url,
      ...(row.max_concurrent === null
        ? {}
        : {
            limits: {
              concurrency: row.max_concurrent,
              requestsPerMinute: row.requests_per_minute,
              tokensPerMinute: row.tokens_per_minute,
            },
          }),
      models: selectModels.all(row.id).map((m) => ({
        model: m.model,
        contextWindow: m.context_window,
        ...(m.max_output === null ? {} : { maxOutput: m.max_output }),
        currency: m.currency,
        input: m.price_input,
        cachedInput: m.price_cached,
        output: m.price_output,
        encoding: m.encoding,
        exactTokenizer: m.exact_tokenizer === 1,
        checkedOn: m.checked_on,
      })),
    };
  }

  function storedKey(id: string): BoundKey | undefined {
    const stored = secrets.get(secretName(id));
    return stored === undefined ? undefined : parseStoredKey(stored);
  }

  /** The key, only while the provider still points at the origin it was entered for. */
  function usableKey(providerConfig: ProviderConfig): BoundKey | undefined {
    const bound = storedKey(providerConfig.id);
    const origin = originOf(providerConfig.baseUrl);
    if (!bound || (bound.origin !== null && bound.origin !== origin)) return undefined;
    return { key: bound.key, origin };
  }

  function withKey(providerConfig: ProviderConfig): Provider {
    const bound = usableKey(providerConfig);
    return {
      ...providerConfig,
      key: { set: bound !== undefined, last4: bound ? bound.key.slice(-4) : null, origin: bound?.origin ?? null },
    };
  }

  function get(id: string): ProviderConfig {
    const row = selectProvider.get(id);
    if (!row) throw new AppError('PROVIDER_NOT_FOUND', { providerId: id });
    return config(row);
  }

  function apiKey(id: string): string | undefined {
    const row = selectProvider.get(id);
    return row ? usableKey(config(row))?.key : undefined;
  }

  /** The key a call to the provider carries and the host it goes to; API_KEY_MISSING for a remote host without one. */
  function access(provider: ProviderConfig, keyOverride?: string) {
    const key = keyOverride ?? apiKey(provider.id);
    const host = new URL(provider.baseUrl).hostname;
    // Local servers (Ollama, LM Studio) need no key.
    if (!key && !isLoopbackHost(host)) throw new AppError('API_KEY_MISSING', { provider: provider.name });
    return { apiKey: key, host };
  }

  function target(id: string, modelName: string, keyOverride?: string): ModelTarget {
    const provider = get(id);
    const model = provider.models.find((m) => m.model === modelName);
    if (!model) throw new AppError('MODEL_NOT_CONFIGURED', { providerId: provider.id, model: modelName });
    return { provider, model, ...access(provider, keyOverride) };
  }

  function limits(id: string): ProviderLimits {
    const row = selectProvider.get(id);
    if (!row || row.max_concurrent === null) return DEFAULT_LIMITS;
    return {
      concurrency: row.max_concurrent,
      requestsPerMinute: row.requests_per_minute,
      tokensPerMinute: row.tokens_per_minute,
    };
  }

  return {
    limits,
    list: () => selectProviders.all().map((row) => withKey(config(row))),
    get,
    save(providerConfig) {
      checkTransport(providerConfig.baseUrl);
      const before = selectProvider.get(providerConfig.id);
      const bound = storedKey(providerConfig.id);
      // A key goes only where it was entered for: another origin (scheme, host or port) and it is cleared, for the
      // lawyer to type again. An older key without an origin was entered for the address saved before.
      const keyOrigin = bound?.origin ?? (before ? originOf(before.base_url) : null);
      if (bound && keyOrigin !== originOf(providerConfig.baseUrl)) secrets.remove(secretName(providerConfig.id));
      save(providerConfig);
      return withKey(get(providerConfig.id));
    },
    remove(id) {
      get(id);
      deleteProvider.run(id);
      secrets.remove(secretName(id));
    },
    setKey(id, key) {
      const found = get(id);
      secrets.set(secretName(id), JSON.stringify({ key, origin: originOf(found.baseUrl) } satisfies BoundKey));
      return withKey(found);
    },
    clearKey(id) {
      const found = get(id);
      secrets.remove(secretName(id));
      return withKey(found);
    },
    apiKey,
    target,
    test(id, model) {
      const found = target(id, model);
      const { kind, baseUrl } = found.provider;
      return testConnection(found, chatClient({ kind, baseUrl, apiKey: found.apiKey }));
    },
    models(id) {
      const provider = get(id);
      const { apiKey: key, host } = access(provider);
      return listModels(
        { provider, host },
        chatClient({ kind: provider.kind, baseUrl: provider.baseUrl, apiKey: key }),
      );
    },
    async discover() {
      const found = await Promise.all(
        (localServers ?? LOCAL_SERVERS).map(async (server): Promise<DiscoveredServer[]> => {
          try {
            const client = chatClient({ kind: 'openai', baseUrl: server.baseUrl, apiKey: undefined });
            const models = await client.models(AbortSignal.timeout(LOCAL_PROBE_MS));
            const listed = modelIds(models, 50);
            return listed.length > 0 ? [{ ...server, models: listed }] : [];
          } catch {
            // Not installed, or not running: nothing to offer.
            return [];
          }
        }),
      );
      return found.flat();
    },
  };
}
