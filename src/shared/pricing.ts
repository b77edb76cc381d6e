import { z } from 'zod';
import { encodingSchema, type TokenCounts } from './documents';

export const modelPriceSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  model: z.string(),
  contextWindow: z.number().int().positive(),
  currency: z.enum(['USD']),
  /** Per million tokens. */
  input: z.number().nonnegative(),
  cachedInput: z.number().nonnegative(),
  output: z.number().nonnegative(),
  /** The encoding local estimates use. */
  encoding: encodingSchema,
  /** Whether `encoding` is the model's own tokenizer; if not, counts are estimates. */
  exactTokenizer: z.boolean(),
  /** When these prices were last compared with the provider's price page. */
  checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/**
 * The models LexDesk knows before the user adds their own. Prices are the
 * providers' published list prices on `checkedOn`, in USD per million tokens;
 * they change, so the card shows that date. Models whose tokenizer is not
 * public are estimated with o200k, the closest public encoding for the large
 * vocabularies these models use.
 */
export const defaultModels: readonly ModelPrice[] = [
  {
    providerId: 'moonshot',
    providerName: 'Moonshot (Kimi)',
    model: 'kimi-k2-0905-preview',
    contextWindow: 262_144,
    currency: 'USD',
    input: 0.6,
    cachedInput: 0.15,
    output: 2.5,
    encoding: 'o200k_base',
    exactTokenizer: false,
    checkedOn: '2025-10-01',
  },
  {
    providerId: 'deepseek',
    providerName: 'DeepSeek',
    model: 'deepseek-chat',
    contextWindow: 131_072,
    currency: 'USD',
    input: 0.28,
    cachedInput: 0.028,
    output: 0.42,
    encoding: 'o200k_base',
    exactTokenizer: false,
    checkedOn: '2025-10-01',
  },
  {
    providerId: 'openai',
    providerName: 'OpenAI',
    model: 'gpt-4.1',
    contextWindow: 1_047_576,
    currency: 'USD',
    input: 2,
    cachedInput: 0.5,
    output: 8,
    encoding: 'o200k_base',
    exactTokenizer: true,
    checkedOn: '2025-10-01',
  },
  {
    providerId: 'gemini',
    providerName: 'Google Gemini',
    model: 'gemini-2.5-pro',
    contextWindow: 1_048_576,
    currency: 'USD',
    // The price for prompts up to 200K tokens; longer prompts cost twice as much per input token.
    input: 1.25,
    cachedInput: 0.31,
    output: 10,
    encoding: 'o200k_base',
    exactTokenizer: false,
    checkedOn: '2025-10-01',
  },
  {
    providerId: 'anthropic',
    providerName: 'Anthropic',
    model: 'claude-sonnet-4-5',
    contextWindow: 200_000,
    currency: 'USD',
    input: 3,
    cachedInput: 0.3,
    output: 15,
    encoding: 'o200k_base',
    exactTokenizer: false,
    checkedOn: '2025-10-01',
  },
  {
    providerId: 'ollama',
    providerName: 'Ollama (local)',
    model: 'llama3.1:8b',
    contextWindow: 131_072,
    currency: 'USD',
    input: 0,
    cachedInput: 0,
    output: 0,
    encoding: 'o200k_base',
    exactTokenizer: false,
    checkedOn: '2025-10-01',
  },
];

/** Tokens a question adds to its documents: the system prompt, the question and the framing of each document. */
export const QUESTION_OVERHEAD_TOKENS = 800;
/** Room kept for the answer when judging whether a request fits the context window. */
export const ANSWER_RESERVE_TOKENS = 8_000;

export interface InputEstimate {
  model: ModelPrice;
  tokens: number;
  /** Share of the context window the request fills (may exceed 1). */
  fill: number;
  fits: boolean;
  cost: number;
  estimated: boolean;
}

/** What one question about these documents would send to a model and cost before the answer. */
export function estimateInput(documents: readonly { tokens: TokenCounts }[], model: ModelPrice): InputEstimate {
  const tokens = documents.reduce((sum, doc) => sum + doc.tokens[model.encoding], 0) + QUESTION_OVERHEAD_TOKENS;
  return {
    model,
    tokens,
    fill: tokens / model.contextWindow,
    fits: tokens + ANSWER_RESERVE_TOKENS <= model.contextWindow,
    cost: (tokens / 1_000_000) * model.input,
    estimated: !model.exactTokenizer,
  };
}
