import { costOf, type Usage } from '../../shared/estimate';
import type { Language } from '../../shared/language';
import type { ProviderCall, ProviderCalls } from '../answers/provider-calls';
import type { ModelTarget } from '../providers/providers-service';
import type { RequestOutcome } from './model-request';

/**
 * What a request is billed: the usage the provider reported, or, where it
 * reported none, the input as estimated and the output as counted once any
 * text came or the request was stopped (input is billed once sent). Null: a
 * request refused before anything was read.
 */
export function billedUsage(outcome: RequestOutcome, estimatedInput: number): Usage | null {
  if (outcome.usage) return outcome.usage;
  if (outcome.text !== '' || outcome.status === 'stopped') {
    return { input: estimatedInput, cachedInput: 0, output: outcome.outputTokens };
  }
  return null;
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
