import { createHash } from 'node:crypto';
import { type Answer, type AskInput, MAX_THREAD_TURNS } from '../../shared/answers';
import { AppError } from '../../shared/errors';
import { answerReserve, costOf, estimatedThread, estimateRequest } from '../../shared/estimate';
import type { Language } from '../../shared/language';
import type { Plan, PlannedChunk } from '../../shared/plans';
import { buildFocusedPrompt, buildPrompt, PROMPT_VERSION, type Prompt } from '../../shared/prompt';
import type { AnswersService } from '../answers/answers-service';
import type { DocumentsService } from '../documents/documents-service';
import { focusedDocuments } from '../plans/chunk-text';
import type { ModelTarget, ProvidersService } from '../providers/providers-service';

/**
 * The first part of the ask pipeline: everything that can be known, and
 * refused, before a request leaves the machine. It reads (providers, keys,
 * documents) and writes nothing; a single question, a map call of a long
 * document and a batch item each start here.
 */

export interface AskPlan extends ModelTarget {
  prompt: Prompt;
  /** The answer this one follows up, in its thread; null for a first question. */
  follows: string | null;
  estimatedInput: number;
  /** The input's cost, before any answer. */
  estimatedCost: number;
  /** The same question on the same documents to the same model has the same key (see cacheKeyOf). */
  cacheKey: string;
}

export interface PreflightDependencies {
  documents: Pick<DocumentsService, 'get'>;
  providers: Pick<ProvidersService, 'target'>;
  answers: Pick<AnswersService, 'get'>;
}

export { MAX_THREAD_TURNS } from '../../shared/answers';

export function planAsk(
  deps: PreflightDependencies,
  input: AskInput,
  language: Language,
  keyOverride?: string,
): AskPlan {
  const target = deps.providers.target(input.providerId, input.model, keyOverride);
  const { model } = target;
  const documents = input.documentIds.map((sha256) => deps.documents.get(sha256));
  const thread = input.follows ? threadOf(deps, input.follows, input.documentIds) : [];
  const prompt = buildPrompt(
    documents,
    input.question,
    language,
    thread.map((answer) => ({ question: answer.question, answer: answer.text })),
  );
  const { tokens: estimatedInput, over } = estimateRequest(
    documents,
    input.question,
    language,
    model,
    estimatedThread(thread),
  );
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
    follows: input.follows ?? null,
  };
}

/**
 * The earlier questions and answers of the thread `follows` ends, oldest
 * first: the answers that have text (one that failed before any is left
 * out). A thread is on one set of documents: a follow-up on others is refused,
 * and so is one past MAX_THREAD_TURNS (dropping the start would drop the
 * documents' own message).
 */
function threadOf(deps: PreflightDependencies, follows: string, documentIds: readonly string[]) {
  const chain: Answer[] = [];
  for (let id: string | null = follows; id !== null; ) {
    if (chain.length === MAX_THREAD_TURNS - 1) {
      throw new AppError('INVALID_INPUT', {
        issues: `a thread holds at most ${MAX_THREAD_TURNS} questions; ask a new question on these documents`,
      });
    }
    const answer = deps.answers.get(id);
    chain.unshift(answer);
    id = answer.follows;
  }
  const same = (ids: readonly string[]) => [...ids].sort().join() === [...documentIds].sort().join();
  if (chain.some((answer) => !same(answer.documentIds))) {
    throw new AppError('INVALID_INPUT', { issues: 'a follow-up question is asked of its thread’s documents' });
  }
  return chain.filter((answer) => answer.text !== '');
}

/**
 * The same question (case, spacing and Unicode form aside) on the same
 * documents (by SHA-256, in any order), the same model and the same
 * instructions has the same key.
 */
export function cacheKeyOf(
  input: AskInput,
  language: Language,
  maxOutputTokens: number,
  /** A focused answer's passages: the same question sent with other passages is another question. */
  excerpts?: readonly Pick<PlannedChunk, 'document' | 'start' | 'end'>[],
): string {
  const question = input.question.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
  const documents = [...input.documentIds].sort();
  // An answer given room for 2,048 tokens is not the one given 8,000.
  const parameters = { maxOutputTokens, prompt: PROMPT_VERSION, language };
  // A follow-up is answered in its thread: the same words after other answers are another question.
  const thread = input.follows ?? null;
  // An answer joined from parts is not the one read whole; a whole answer's key is as it always was.
  const read =
    input.strategy === 'map-reduce' || input.strategy === 'focused'
      ? {
          strategy: input.strategy,
          ...(excerpts ? { excerpts: excerpts.map((e) => [e.document, e.start, e.end]) } : {}),
        }
      : {};
  const key = JSON.stringify({
    question,
    documents,
    provider: input.providerId,
    model: input.model,
    parameters,
    thread,
    ...read,
  });
  return createHash('sha256').update(key).digest('hex');
}

/**
 * A focused plan as a request: the chosen passages of each document, with the
 * focused instructions, at the plan's own estimate (what the panel showed).
 */
export function planFocusedAsk(
  deps: PreflightDependencies,
  input: AskInput,
  plan: Plan,
  language: Language,
  keyOverride?: string,
): AskPlan {
  const target = deps.providers.target(plan.providerId, plan.model, keyOverride);
  const documents = input.documentIds.map((sha256) => deps.documents.get(sha256));
  const estimatedInput = plan.estimate.input;
  return {
    ...target,
    prompt: buildFocusedPrompt(focusedDocuments(documents, plan.chunks), input.question, language),
    estimatedInput,
    estimatedCost: costOf({ input: estimatedInput, cachedInput: 0, output: 0 }, target.model),
    cacheKey: cacheKeyOf(
      { ...input, providerId: plan.providerId, model: plan.model, strategy: 'focused' },
      language,
      answerReserve(target.model),
      plan.chunks,
    ),
    follows: null,
  };
}
