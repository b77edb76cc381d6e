import { AppError } from '../../shared/errors';
import type { ChatClient } from '../llm/chat-client';
import { toProviderError } from '../llm/provider-errors';
import type { ModelTarget } from './providers-service';

const TEST_TIMEOUT_S = 30;

/**
 * Checks a key and a model with a one-token request: the key was accepted and
 * the model answered, or the coded error a real question would get.
 */
export async function testConnection(
  target: ModelTarget,
  client: ChatClient,
): Promise<{ ok: true; latencyMs: number }> {
  const { provider, model, host } = target;
  const started = performance.now();
  const signal = AbortSignal.timeout(TEST_TIMEOUT_S * 1000);
  try {
    const messages = [{ role: 'user' as const, content: 'ping' }];
    const request = { model: model.model, system: 'Reply OK.', messages, maxOutputTokens: 1, signal };
    for await (const _piece of client.stream(request)) {
      // Draining the stream is the test.
    }
  } catch (error) {
    if (signal.aborted) throw new AppError('TIMEOUT', { provider: provider.name, seconds: TEST_TIMEOUT_S });
    throw toProviderError(error, {
      provider: provider.name,
      model: model.model,
      host,
      receivedText: false,
      attempts: 1,
    });
  }
  return { ok: true, latencyMs: Math.round(performance.now() - started) };
}

/** At most this many model IDs are kept from a provider's list: enough for any reseller's, bounded for the window. */
const MAX_LISTED_MODELS = 500;

/** A provider's model IDs as LexDesk keeps them: each once, none empty or over 200 characters, sorted, at most `max`. */
export function modelIds(ids: readonly string[], max = MAX_LISTED_MODELS): string[] {
  return [...new Set(ids.filter((id) => id.trim() !== '' && id.length <= 200))].sort().slice(0, max);
}

/** The provider's own list of its models, sorted, or the coded error its `/models` gave. */
export async function listModels(
  target: Pick<ModelTarget, 'provider' | 'host'>,
  client: ChatClient,
): Promise<string[]> {
  const { provider, host } = target;
  const signal = AbortSignal.timeout(TEST_TIMEOUT_S * 1000);
  try {
    const ids = await client.models(signal);
    return modelIds(ids);
  } catch (error) {
    if (signal.aborted) throw new AppError('TIMEOUT', { provider: provider.name, seconds: TEST_TIMEOUT_S });
    throw toProviderError(error, { provider: provider.name, model: '', host, receivedText: false, attempts: 1 });
  }
}
