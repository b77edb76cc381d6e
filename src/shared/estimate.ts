import type { TokenCounts } from './documents';
import type { ProviderModel } from './providers';

/** Tokens a question adds to its documents: the instructions, the question and the page markers' framing. */
export const QUESTION_OVERHEAD_TOKENS = 800;
/** The most room kept for an answer: enough for a long extraction of clauses. */
export const MAX_ANSWER_TOKENS = 8_000;

/**
 * Room kept for the answer, asked of the provider as `max_tokens`: 8,000
 * tokens of a large window, a quarter of a small one (an 8,192-token local
 * model keeps 2,048, and the rest is for the contract and the question).
 */
export function answerReserve(model: Pick<ProviderModel, 'contextWindow'>): number {
  return Math.min(MAX_ANSWER_TOKENS, Math.floor(model.contextWindow / 4));
}

export interface InputEstimate {
  tokens: number;
  /** Share of the context window the request fills (may exceed 1). */
  fill: number;
  fits: boolean;
  cost: number;
  estimated: boolean;
}

/** What one question about these documents would send to a model and cost before the answer. */
export function estimateInput(documents: readonly { tokens: TokenCounts }[], model: ProviderModel): InputEstimate {
  const tokens = documents.reduce((sum, doc) => sum + doc.tokens[model.encoding], 0) + QUESTION_OVERHEAD_TOKENS;
  return {
    tokens,
    fill: tokens / model.contextWindow,
    fits: tokens + answerReserve(model) <= model.contextWindow,
    cost: (tokens / 1_000_000) * model.input,
    estimated: !model.exactTokenizer,
  };
}

export interface Usage {
  input: number;
  cachedInput: number;
  output: number;
}

/** The cost of a request from the usage the provider reported; cached input is priced apart. */
export function costOf(usage: Usage, model: ProviderModel): number {
  const fresh = Math.max(0, usage.input - usage.cachedInput);
  return (fresh * model.input + usage.cachedInput * model.cachedInput + usage.output * model.output) / 1_000_000;
}
