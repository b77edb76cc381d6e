import { createHash } from 'node:crypto';
import type { AskInput } from '../../shared/answers';
import { AppError } from '../../shared/errors';
import { answerReserve, costOf, estimateRequest } from '../../shared/estimate';
import type { Language } from '../../shared/language';
import { buildPrompt, PROMPT_VERSION } from '../../shared/prompt';
import type { DocumentsService } from '../documents/documents-service';
import type { ModelTarget, ProvidersService } from '../providers/providers-service';

/**
 * The first part of the ask pipeline: everything that can be known, and
 * refused, before a request leaves the machine. It reads (providers, keys,
 * documents) and writes nothing; a single question, a map call of a long
 * document and a batch item each start here.
 */

export interface AskPlan extends ModelTarget {
  prompt: { system: string; user: string };
  estimatedInput: number;
  /** The input's cost, before any answer. */
  estimatedCost: number;
  /** The same question on the same documents to the same model has the same key (see cacheKeyOf). */
  cacheKey: string;
}

export interface PreflightDependencies {
  documents: Pick<DocumentsService, 'get'>;
  providers: Pick<ProvidersService, 'target'>;
}

export function planAsk(
  deps: PreflightDependencies,
  input: AskInput,
  language: Language,
  keyOverride?: string,
): AskPlan {
  const target = deps.providers.target(input.providerId, input.model, keyOverride);
  const { model } = target;
  const documents = input.documentIds.map((sha256) => deps.documents.get(sha256));
  const prompt = buildPrompt(documents, input.question, language);
  const estimatedInput = estimateRequest(documents, input.question, language, model).tokens;
  const over = estimatedInput + answerReserve(model) - model.contextWindow;
  if (over > 0) {
    throw new AppError('CONTEXT_TOO_LONG', {
      model: model.model,
      tokens: estimatedInput,
      over,
      contextWindow: model.contextWindow,
    });
  }
  return {
    ...target,
    prompt,
    estimatedInput,
    estimatedCost: costOf({ input: estimatedInput, cachedInput: 0, output: 0 }, model),
    cacheKey: cacheKeyOf(input, language, answerReserve(model)),
  };
}

/**
 * The same question (case, spacing and Unicode form aside) on the same
 * documents (by SHA-256, in any order), the same model and the same
 * instructions has the same key.
 */
export function cacheKeyOf(input: AskInput, language: Language, maxOutputTokens: number): string {
  const question = input.question.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
  const documents = [...input.documentIds].sort();
  // An answer given room for 2,048 tokens is not the one given 8,000.
  const parameters = { maxOutputTokens, prompt: PROMPT_VERSION, language };
  const key = JSON.stringify({ question, documents, provider: input.providerId, model: input.model, parameters });
  return createHash('sha256').update(key).digest('hex');
}
