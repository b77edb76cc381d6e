import type { BatchQuestion } from '../../shared/batch';
import type { DocumentDetail } from '../../shared/documents';
import { costOf } from '../../shared/estimate';
import type { Language } from '../../shared/language';
import type { ProviderLimitsConfig } from '../../shared/providers';
import type { OutlineCache } from '../plans/plan-question';
import type { ModelTarget } from '../providers/providers-service';
import { OUTPUT_TOKENS_PER_QUESTION, planItem, requestOverhead } from './batch-runner';

/**
 * A batch's price before it starts, on each configured model: the input of
 * every request (each document once, with every question), the output
 * expected, the cost, how long the provider's own limits make it take, and
 * which documents are past the model's window (read by their passages that
 * bear on the questions, the long-document issue's focused plan).
 */

export interface BatchQuote {
  providerId: string;
  model: string;
  input: number;
  output: number;
  cost: number;
  currency: string;
  /** At the provider's limits and a typical answer's pace. */
  seconds: number;
  /** Documents past the window: their passages only are sent. */
  overWindow: { document: string; name: string; charsSent: number; chars: number }[];
}

/** Output tokens a second a provider streams, for the duration: a modest figure for the hosted models. */
const OUTPUT_TOKENS_PER_SECOND = 40;
/** What a request waits before its first token, on top. */
const FIRST_TOKEN_SECONDS = 2;

export function quoteBatch(
  documents: readonly DocumentDetail[],
  questions: readonly BatchQuestion[],
  language: Language,
  target: ModelTarget,
  limits: ProviderLimitsConfig,
  outlines: OutlineCache,
): BatchQuote {
  let input = 0;
  const overWindow: BatchQuote['overWindow'] = [];
  const overhead = documents[0] ? requestOverhead(documents[0], questions, language, target) : 0;
  for (const doc of documents) {
    const item = planItem(doc, questions, language, target, outlines, overhead);
    input += item.input;
    if (item.coverage) {
      overWindow.push({
        document: doc.sha256,
        name: doc.name,
        charsSent: item.coverage.charsSent,
        chars: item.coverage.chars,
      });
    }
  }
  const output = OUTPUT_TOKENS_PER_QUESTION * questions.length * documents.length;
  return {
    providerId: target.provider.id,
    model: target.model.model,
    input,
    output,
    cost: costOf({ input, cachedInput: 0, output }, target.model),
    currency: target.model.currency,
    seconds: Math.ceil(batchSeconds(documents.length, input, OUTPUT_TOKENS_PER_QUESTION * questions.length, limits)),
    overWindow,
  };
}

/** The slowest of: requests at once and each one's pace, requests a minute, tokens a minute. */
export function batchSeconds(
  items: number,
  input: number,
  outputPerItem: number,
  limits: ProviderLimitsConfig,
): number {
  const each = FIRST_TOKEN_SECONDS + outputPerItem / OUTPUT_TOKENS_PER_SECOND;
  const byConcurrency = (items * each) / limits.concurrency;
  const byRequests = limits.requestsPerMinute ? (items / limits.requestsPerMinute) * 60 : 0;
  const byTokens = limits.tokensPerMinute ? (input / limits.tokensPerMinute) * 60 : 0;
  return Math.max(byConcurrency, byRequests, byTokens);
}
