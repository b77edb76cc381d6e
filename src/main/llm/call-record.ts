import { costOf, type Usage } from '../../shared/estimate';
import type { Language } from '../../shared/language';
import type { ProviderCall, ProviderCalls } from '../answers/provider-calls';
import type { ModelTarget } from '../providers/providers-service';
import type { RequestOutcome } from './model-request';

/**
 * What a request is billed: the usage the provider reported, or, where it
 * reported none, the input as estimated and the output as counted once the
 * provider took it (its stream opened), any text came or it was stopped
 * (input is billed once sent); plus the input of attempts taken and lost
 * before a retry. Null: a request refused before anything was read.
 */
export function billedUsage(
  outcome: Pick<RequestOutcome, 'usage' | 'text' | 'status' | 'outputTokens' | 'accepted' | 'lostInput'>,
  estimatedInput: number,
): Usage | null {
  const lost = outcome.lostInput ?? 0;
  if (outcome.usage) return { ...outcome.usage, input: outcome.usage.input + lost };
  if (outcome.text !== '' || outcome.status === 'stopped' || outcome.accepted) {
    return { input: estimatedInput + lost, cachedInput: 0, output: outcome.outputTokens };
  }
  return lost > 0 ? { input: lost, cachedInput: 0, output: 0 } : null;
}

/** The `provider_calls` row for a request that ended; its cost by the model's prices, as the answer's is. */
export function callRecord(
  outcome: RequestOutcome,
  call: Pick<ProviderCall, 'answerId' | 'role' | 'chunkIndex' | 'startedAt' | 'endedAt'> & {
    target: ModelTarget;
    estimatedInput: number;
    /** The language the error's message is stored in: the lawyer's. */
    language: Language;
  },
): ProviderCall {
  const usage = billedUsage(outcome, call.estimatedInput) ?? { input: 0, cachedInput: 0, output: 0 };
  const error = outcome.error?.toData(call.language) ?? null;
  const { target } = call;
  return {
    answerId: call.answerId,
    role: call.role,
    chunkIndex: call.chunkIndex,
    providerId: target.provider.id,
    model: target.model.model,
    host: target.host,
    usage,
    cost: costOf(usage, target.model),
    currency: target.model.currency,
    reported: outcome.usage !== null,
    status: outcome.status,
    error: error ? { code: error.code, message: error.message } : null,
    ttftMs: outcome.ttftMs,
    latencyMs: outcome.latencyMs,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
  };
}

export type { ProviderCalls };
