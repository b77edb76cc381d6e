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
