import type { ProviderConfig, ProviderModel } from './providers';

const CHECKED_ON = '2025-10-01';

const estimated = (
  model: Omit<ProviderModel, 'encoding' | 'exactTokenizer' | 'checkedOn' | 'currency'>,
): ProviderModel => ({
  ...model,
  currency: 'USD',
  // Closest public encoding to the large vocabularies of these models; counts are shown as estimates.
  encoding: 'o200k_base',
  exactTokenizer: false,
  checkedOn: CHECKED_ON,
});

/**
 * Providers LexDesk can set up in one step. Prices are the providers' list
 * prices on `checkedOn`, in USD per million tokens; they change, so the user
 * can edit them and the card shows the date.
 */
export const providerPresets: readonly ProviderConfig[] = [
  {
    id: 'moonshot',
    kind: 'openai',
    name: 'Moonshot (Kimi)',
    baseUrl: 'https://api.moonshot.ai/v1',
    models: [
      estimated({ model: 'kimi-k2-0905-preview', contextWindow: 262_144, input: 0.6, cachedInput: 0.15, output: 2.5 }),
    ],
  },
  {
    id: 'deepseek',
    kind: 'openai',
    name: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com/v1',
    models: [
      estimated({ model: 'deepseek-chat', contextWindow: 131_072, input: 0.28, cachedInput: 0.028, output: 0.42 }),
    ],
  },
  {
    id: 'openai',
    kind: 'openai',
    name: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    models: [
      {
        model: 'gpt-4.1',
        contextWindow: 1_047_576,
        currency: 'USD',
        input: 2,
        cachedInput: 0.5,
        output: 8,
        encoding: 'o200k_base',
        exactTokenizer: true,
        checkedOn: CHECKED_ON,
      },
    ],
  },
  {
    id: 'gemini',
    kind: 'openai',
    name: 'Google Gemini',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai/',
    // The price for prompts up to 200K tokens; longer prompts cost twice as much per input token.
    models: [
      estimated({ model: 'gemini-2.5-pro', contextWindow: 1_048_576, input: 1.25, cachedInput: 0.31, output: 10 }),
    ],
  },
  {
    id: 'anthropic',
    kind: 'anthropic',
    name: 'Anthropic',
    baseUrl: 'https://api.anthropic.com',
    models: [estimated({ model: 'claude-sonnet-4-5', contextWindow: 200_000, input: 3, cachedInput: 0.3, output: 15 })],
  },
  {
    id: 'ollama',
    kind: 'openai',
    name: 'Ollama (local)',
    baseUrl: 'http://127.0.0.1:11434/v1',
    models: [estimated({ model: 'llama3.1:8b', contextWindow: 131_072, input: 0, cachedInput: 0, output: 0 })],
  },
  {
    id: 'custom',
    kind: 'openai',
    name: 'OpenAI-compatible (custom)',
    baseUrl: 'http://127.0.0.1:1234/v1',
    models: [estimated({ model: 'local-model', contextWindow: 32_768, input: 0, cachedInput: 0, output: 0 })],
  },
];
