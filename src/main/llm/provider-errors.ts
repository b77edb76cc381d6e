import { AppError } from '../../shared/errors';
import { loadedSdks } from './sdks';

export interface ErrorContext {
  provider: string;
  model: string;
  host: string;
  /** Whether any answer text had arrived: a failure after it is an interrupted stream. */
  receivedText: boolean;
  attempts: number;
  /** LexDesk's own count of the request and the model's window, said when a refusal gives no numbers. */
  estimatedInput?: number;
  contextWindow?: number;
}

/** Whether the user pressed Stop (or LexDesk aborted for its own deadline). */
export function isAbort(error: unknown): boolean {
  const { openAi, anthropic } = loadedSdks();
  return (
    (openAi !== undefined && error instanceof openAi.APIUserAbortError) ||
    (anthropic !== undefined && error instanceof anthropic.default.APIUserAbortError) ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

const CONTEXT_MESSAGE = /context|too long|too many tokens|maximum.*tokens|token limit|reduce the length/i;
const CONTEXT_CODES = new Set(['context_length_exceeded', 'exceed_context_size_error', 'string_above_max_length']);
/** A provider's "no such model", whatever status it comes with (llama.cpp and DeepSeek answer 400). */
const NO_SUCH_MODEL =
  /model[^.]{0,80}\b(not found|does not exist|not exist)|not found the model|no such model|unknown model|model_not_found|invalid model/i;

/**
 * The numbers in a provider's context refusal, as each one words it: the tokens
 * asked for and the window, either of which may be missing.
 */
const CONTEXT_NUMBERS: { pattern: RegExp; tokens?: number; window?: number }[] = [
  // OpenAI, DeepSeek and most OpenAI-compatible servers.
  {
    pattern: /maximum context length is (\d+) tokens.*?(?:resulted in|requested) (\d+) tokens/is,
    window: 1,
    tokens: 2,
  },
  // Anthropic.
  { pattern: /prompt is too long: (\d+) tokens > (\d+) maximum/i, tokens: 1, window: 2 },
  // Moonshot (Kimi).
  { pattern: /exceeded model token limit: (\d+) \(requested: (\d+)\)/i, window: 1, tokens: 2 },
  { pattern: /max length exceeded, max length:\s*(\d+)/i, window: 1 },
  // llama.cpp's llama-server (its body also has n_prompt_tokens and n_ctx).
  { pattern: /request \((\d+) tokens\) exceeds the available context size \((\d+) tokens\)/i, tokens: 1, window: 2 },
  // Gemini's OpenAI-compatible endpoint.
  {
    pattern: /input token count \((\d+)\) exceeds the maximum number of tokens allowed \((\d+)\)/i,
    tokens: 1,
    window: 2,
  },
];

interface ContextRefusal {
  tokens: number | undefined;
  contextWindow: number | undefined;
}

/** The tokens and window a refusal names, read from its fields first, then from its words. */
function contextNumbers(message: string, body: Record<string, unknown> | undefined): ContextRefusal {
  const field = (name: string) => (typeof body?.[name] === 'number' ? (body[name] as number) : undefined);
  let tokens = field('n_prompt_tokens');
  let contextWindow = field('n_ctx');
  for (const { pattern, tokens: t, window: w } of CONTEXT_NUMBERS) {
    const match = pattern.exec(message);
    if (!match) continue;
    tokens ??= t === undefined ? undefined : Number(match[t]);
    contextWindow ??= w === undefined ? undefined : Number(match[w]);
    break;
  }
  return { tokens, contextWindow };
}
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNREFUSED']);

/** A provider SDK failure as a coded error a lawyer can act on. */
export function toProviderError(error: unknown, context: ErrorContext): AppError {
  if (error instanceof AppError) return error;
  const base = { provider: context.provider, model: context.model, host: context.host, attempts: context.attempts };
  const status = statusOf(error);
  if (status !== undefined) {
    const message = messageOf(error);
    const body = errorBody(error);
    if (status === 401 || status === 403) return new AppError('INVALID_API_KEY', { ...base, status });
    if (status === 404 || NO_SUCH_MODEL.test(message) || body?.code === 'model_not_found') {
      return new AppError('MODEL_NOT_FOUND', { ...base, status, reason: message });
    }
    if (status === 429) {
      return new AppError('RATE_LIMITED', { ...base, status, retryAfterSeconds: retryAfterSeconds(error) });
    }
    const contextCode = [body?.code, body?.type].some((code) => typeof code === 'string' && CONTEXT_CODES.has(code));
    if ((status === 400 || status === 413 || status === 422) && (contextCode || CONTEXT_MESSAGE.test(message))) {
      return contextTooLong(message, body, context, { ...base, status });
    }
    if (status >= 500) return new AppError('PROVIDER_UNAVAILABLE', { ...base, status });
    return new AppError('PROVIDER_REJECTED', { ...base, status, reason: message });
  }
  if (context.receivedText) return new AppError('STREAM_INTERRUPTED', base);
  const code = networkCode(error);
  if (code && NETWORK_CODES.has(code)) return new AppError('NETWORK_UNAVAILABLE', { ...base, reason: code });
  // A reset or a malformed reply before the first token: the service, not the network, is at fault.
  return new AppError('PROVIDER_UNAVAILABLE', { ...base, status: code ?? 'connection' });
}

function statusOf(error: unknown): number | undefined {
  const { openAi, anthropic } = loadedSdks();
  const isSdkError =
    (openAi !== undefined && error instanceof openAi.APIError) ||
    (anthropic !== undefined && error instanceof anthropic.default.APIError);
  return isSdkError && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : undefined;
}

/**
 * A refusal as too long, with its numbers: the provider's where it gives them,
 * else LexDesk's estimate and the model's window. The provider's words stay in `reason`.
 */
function contextTooLong(
  message: string,
  body: Record<string, unknown> | undefined,
  context: ErrorContext,
  base: Record<string, unknown>,
): AppError {
  const named = contextNumbers(message, body);
  const tokens = named.tokens ?? context.estimatedInput;
  const contextWindow = named.contextWindow ?? context.contextWindow;
  const over = tokens !== undefined && contextWindow !== undefined ? Math.max(0, tokens - contextWindow) : undefined;
  return new AppError('CONTEXT_TOO_LONG', {
    ...base,
    ...(tokens !== undefined ? { tokens } : {}),
    ...(contextWindow !== undefined ? { contextWindow } : {}),
    ...(over !== undefined ? { over } : {}),
    reason: message,
  });
}

/** The provider's error object (`{ error: {...} }` in the body, as the SDKs keep it). */
function errorBody(error: unknown): Record<string, unknown> | undefined {
  const body = (error as { error?: unknown }).error;
  if (!body || typeof body !== 'object') return undefined;
  const inner = (body as { error?: unknown }).error;
  return (inner && typeof inner === 'object' ? inner : body) as Record<string, unknown>;
}

function messageOf(error: unknown): string {
  const body = (error as { error?: { error?: { message?: string }; message?: string } }).error;
  return body?.error?.message ?? body?.message ?? (error instanceof Error ? error.message : String(error));
}

/** `Retry-After` in seconds, or as an HTTP date; `retry-after-ms` where a provider sends it. */
export function retryAfterSeconds(error: unknown): number | undefined {
  const headers = (error as { headers?: Headers | Record<string, string> }).headers;
  const read = (name: string) =>
    headers instanceof Headers ? headers.get(name) : ((headers?.[name] as string | undefined) ?? null);
  const ms = Number(read('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return Math.ceil(ms / 1000);
  const value = read('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
