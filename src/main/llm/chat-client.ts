import type OpenAI from 'openai';
import type { Usage } from '../../shared/estimate';
import type { PromptMessage } from '../../shared/prompt';
import type { ProviderKind } from '../../shared/providers';
import { loadAnthropic, loadOpenAi } from './sdks';

export interface ChatRequest {
  model: string;
  system: string;
  /** The documents and the question, after the earlier turns of a thread if there are any. */
  messages: PromptMessage[];
  maxOutputTokens: number;
  signal: AbortSignal;
  /** Ask for a JSON object (`response_format`), where the provider is known to take it. */
  json?: boolean;
}

export type ChatPiece =
  /** The provider took the request: its stream opened (HTTP 200). */
  | { type: 'accepted' }
  | { type: 'text'; text: string }
  | { type: 'usage'; usage: Usage }
  /** Why the model stopped, normalised (finishReasonOf). */
  | { type: 'finish'; reason: string };

/**
 * OpenAI's `finish_reason` and Anthropic's `stop_reason` in one vocabulary:
 * `stop`, `length` (the output limit: the answer is cut off), `filtered`, or
 * the provider's own word for anything else.
 */
export function finishReasonOf(reason: string): string {
  if (reason === 'length' || reason === 'max_tokens' || reason === 'model_context_window_exceeded') return 'length';
  if (reason === 'stop' || reason === 'end_turn' || reason === 'stop_sequence' || reason === 'eos') return 'stop';
  if (reason === 'content_filter' || reason === 'refusal') return 'filtered';
  return reason;
}

/** One streamed chat request to a provider, through its official SDK. */
export interface ChatClient {
  stream(request: ChatRequest): AsyncIterable<ChatPiece>;
  /** The model IDs the provider lists at its `/models` (OpenAI, Anthropic, Ollama, LM Studio and most resellers have one). */
  models(signal: AbortSignal): Promise<string[]>;
}

export interface ChatClientOptions {
  kind: ProviderKind;
  baseUrl: string;
  apiKey: string | undefined;
}

export function createChatClient(options: ChatClientOptions): ChatClient {
  return options.kind === 'anthropic' ? anthropicClient(options) : openAiClient(options);
}

// Retries are LexDesk's own (model-request.ts): the lawyer sees each wait counted down, which the SDKs' silent retries
// would hide. The overall deadline is ours too, scaled by the input size.
const SDK_OPTIONS = { maxRetries: 0, timeout: 24 * 60 * 60 * 1000 } as const;

function openAiClient({ baseUrl, apiKey }: ChatClientOptions): ChatClient {
  const sdk = async () => {
    const { default: OpenAI } = await loadOpenAi();
    // Local servers (Ollama, LM Studio) take no key, but the SDK insists on one.
    return new OpenAI({ apiKey: apiKey ?? 'no-key', baseURL: baseUrl, ...SDK_OPTIONS });
  };
  return {
    async *stream(request) {
      const client = await sdk();
      const stream = await client.chat.completions.create(
        {
          model: request.model,
          messages: [
            { role: 'system', content: request.system },
            ...request.messages.map(({ role, content }) => ({ role, content })),
          ],
          max_tokens: request.maxOutputTokens,
          stream: true,
          stream_options: { include_usage: true },
          ...(request.json && takesJsonMode(baseUrl) ? { response_format: { type: 'json_object' as const } } : {}),
        },
        { signal: request.signal },
      );
      yield { type: 'accepted' };
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        const text = choice?.delta?.content;
        if (text) yield { type: 'text', text };
        if (choice?.finish_reason) yield { type: 'finish', reason: finishReasonOf(choice.finish_reason) };
        // OpenAI and DeepSeek send usage in a final chunk with no choices; Moonshot puts it inside the last choice.
        const usage = chunk.usage ?? (choice as { usage?: OpenAI.CompletionUsage } | undefined)?.usage;
        if (usage) yield { type: 'usage', usage: openAiUsage(usage) };
      }
    },
    async models(signal) {
      const client = await sdk();
      const ids: string[] = [];
      for await (const model of client.models.list({ signal })) ids.push(model.id);
      return ids;
    },
  };
}

/**
 * Whether the provider at this address is known to take `response_format:
 * json_object` (OpenAI, DeepSeek and Moonshot document it; some local servers
 * refuse it): elsewhere the request's instructions and LexDesk's own check of
 * the reply do the work.
 */
export function takesJsonMode(baseUrl: string): boolean {
  const host = URL.canParse(baseUrl) ? new URL(baseUrl).hostname : '';
  return ['api.openai.com', 'api.deepseek.com', 'api.moonshot.ai', 'api.moonshot.cn'].includes(host);
}

function openAiUsage(usage: OpenAI.CompletionUsage): Usage {
  const extra = usage as OpenAI.CompletionUsage & { prompt_cache_hit_tokens?: number; cached_tokens?: number };
  return {
    input: usage.prompt_tokens,
    // OpenAI: prompt_tokens_details; DeepSeek: prompt_cache_hit_tokens; Moonshot: cached_tokens.
    cachedInput:
      usage.prompt_tokens_details?.cached_tokens ?? extra.prompt_cache_hit_tokens ?? extra.cached_tokens ?? 0,
    output: usage.completion_tokens,
  };
}

/** A message as Anthropic takes it: its repeated start a block of its own, marked to be cached. */
function anthropicMessage(message: PromptMessage) {
  const { role, content, cachedPrefix } = message;
  if (!cachedPrefix || cachedPrefix >= content.length) return { role, content };
  return {
    role,
    content: [
      { type: 'text' as const, text: content.slice(0, cachedPrefix), cache_control: { type: 'ephemeral' as const } },
      { type: 'text' as const, text: content.slice(cachedPrefix) },
    ],
  };
}

function anthropicClient({ baseUrl, apiKey }: ChatClientOptions): ChatClient {
  const sdk = async () => {
    const { default: Anthropic } = await loadAnthropic();
    return new Anthropic({ apiKey: apiKey ?? 'no-key', baseURL: baseUrl, ...SDK_OPTIONS });
  };
  return {
    async *stream(request) {
      const client = await sdk();
      const stream = await client.messages.create(
        {
          model: request.model,
          max_tokens: request.maxOutputTokens,
          system: request.system,
          messages: request.messages.map(anthropicMessage),
          stream: true,
        },
        { signal: request.signal },
      );
      yield { type: 'accepted' };
      const usage: Usage = { input: 0, cachedInput: 0, output: 0 };
      for await (const event of stream) {
        if (event.type === 'message_start') {
          const u = event.message.usage;
          usage.cachedInput = u.cache_read_input_tokens ?? 0;
          usage.input = u.input_tokens + usage.cachedInput + (u.cache_creation_input_tokens ?? 0);
          usage.output = u.output_tokens;
        } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
          yield { type: 'text', text: event.delta.text };
        } else if (event.type === 'message_delta') {
          // Anthropic's output count here is cumulative, the final one exact.
          usage.output = event.usage.output_tokens;
          if (event.delta.stop_reason) yield { type: 'finish', reason: finishReasonOf(event.delta.stop_reason) };
        }
      }
      yield { type: 'usage', usage };
    },
    async models(signal) {
      const client = await sdk();
      const ids: string[] = [];
      for await (const model of client.models.list({}, { signal })) ids.push(model.id);
      return ids;
    },
  };
}
