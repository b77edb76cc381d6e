import { AppError } from '../../shared/errors';
import { loadedSdks } from './sdks';

export interface ErrorContext {
  provider: string;
  model: string;
  host: string;
  /** Whether any answer text had arrived: a failure after it is an interrupted stream. */
  receivedText: boolean;
  attempts: number;
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
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNREFUSED']);

/** A provider SDK failure as a coded error a lawyer can act on. */
export function toProviderError(error: unknown, context: ErrorContext): AppError {
  if (error instanceof AppError) return error;
  const base = { provider: context.provider, model: context.model, host: context.host, attempts: context.attempts };
  const status = statusOf(error);
  if (status !== undefined) {
    const message = messageOf(error);
    if (status === 401 || status === 403) return new AppError('INVALID_API_KEY', { ...base, status });
    if (status === 404) return new AppError('MODEL_NOT_FOUND', { ...base, status });
    if (status === 429) {
      return new AppError('RATE_LIMITED', { ...base, status, retryAfterSeconds: retryAfterSeconds(error) });
    }
    if ((status === 400 || status === 413) && CONTEXT_MESSAGE.test(message)) {
      return new AppError('CONTEXT_TOO_LONG', { ...base, status, reason: message });
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
