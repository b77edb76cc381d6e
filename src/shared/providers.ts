import { z } from 'zod';
import { encodingSchema } from './documents';

export const providerKindSchema = z.enum(['openai', 'anthropic']);
export type ProviderKind = z.infer<typeof providerKindSchema>;

/** A model a provider serves, with what a request to it holds and costs. */
export const providerModelSchema = z
  .object({
    model: z.string().trim().min(1).max(200),
    contextWindow: z.number().int().positive().max(100_000_000),
    /**
     * The most tokens one answer may run to (the provider's `max_tokens`), as the
     * model's page gives it; unset, LexDesk keeps what fits (`answerReserve`).
     */
    maxOutput: z.number().int().positive().max(10_000_000).optional(),
    currency: z.enum(['USD']),
    /** Prices per million tokens. */
    input: z.number().nonnegative().max(10_000),
    cachedInput: z.number().nonnegative().max(10_000),
    output: z.number().nonnegative().max(10_000),
    /** The encoding local estimates use. */
    encoding: encodingSchema,
    /** Whether `encoding` is the model's own tokenizer; if not, local counts are estimates. */
    exactTokenizer: z.boolean(),
    /** When the prices were last compared with the provider's price page. */
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  // An answer as long as the window would leave no room for the contract.
  .refine((m) => m.maxOutput === undefined || m.maxOutput < m.contextWindow, {
    message: 'the answer limit must be below the context window',
    path: ['maxOutput'],
  });
export type ProviderModel = z.infer<typeof providerModelSchema>;

export const providerIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40');

/**
 * What the provider allows, from its price or tier page (Moonshot's tier 1:
 * 50 at once, 200 requests and 2,000,000 tokens a minute); every request the
 * app makes to it waits its turn within these. Unset: four at once, no minute limits.
 */
export const providerLimitsSchema = z.object({
  concurrency: z.number().int().positive().max(10_000),
  requestsPerMinute: z.number().int().positive().max(1_000_000).nullable(),
  tokensPerMinute: z.number().int().positive().max(1_000_000_000).nullable(),
});
export type ProviderLimitsConfig = z.infer<typeof providerLimitsSchema>;

/** A provider as the user configures it; the key is stored apart, in the secret store. */
export const providerConfigSchema = z.object({
  id: providerIdSchema,
  kind: providerKindSchema,
  name: z.string().trim().min(1).max(100),
  baseUrl: z.url({ protocol: /^https?$/ }),
  models: z
    .array(providerModelSchema)
    .min(1)
    .max(50)
    // A model is picked by its ID: two rows with one ID would be one model with two prices.
    .refine((models) => new Set(models.map((m) => m.model.trim())).size === models.length, 'model IDs must differ'),
  limits: providerLimitsSchema.optional(),
});
export type ProviderConfig = z.infer<typeof providerConfigSchema>;

/**
 * What the renderer learns of a key: whether one is set, its last four
 * characters, and the origin it may be sent to (the base URL's it was entered
 * for). Never the key.
 */
export const keyStatusSchema = z.object({
  set: z.boolean(),
  last4: z.string().max(4).nullable(),
  origin: z.string().nullable(),
});

/** This machine: the one place plain `http:` is allowed (Ollama, LM Studio), and where no key is needed. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export const providerSchema = providerConfigSchema.extend({ key: keyStatusSchema });

/** A model server found running on this machine (Ollama, LM Studio), with the models it serves. */
export const discoveredServerSchema = z.object({
  /** The preset it is added from. */
  presetId: z.enum(['ollama', 'custom']),
  name: z.string().max(100),
  baseUrl: z.url({ protocol: /^http$/ }),
  models: z.array(z.string().max(200)).max(50),
});
export type DiscoveredServer = z.infer<typeof discoveredServerSchema>;
export type Provider = z.infer<typeof providerSchema>;

export const setKeyInputSchema = z.object({ providerId: providerIdSchema, key: z.string().trim().min(1).max(500) });
export const providerRefSchema = z.object({ providerId: providerIdSchema });
export const testConnectionInputSchema = z.object({ providerId: providerIdSchema, model: z.string().min(1) });
export const testConnectionResultSchema = z.object({ ok: z.literal(true), latencyMs: z.number().int() });
