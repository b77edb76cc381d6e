import type { Answer } from './answers';
import type { Encoding, TokenCounts } from './documents';
import type { Language } from './language';
import type { ProviderModel } from './providers';

/**
 * The instructions' tokens (prompt.ts, SYSTEM), in each language and
 * encoding. Counted by the tokenizer once and written here, so that the window,
 * which has no tokenizer, estimates as main does; estimate.test.ts counts them
 * again and fails when the instructions change and these do not.
 */
export const INSTRUCTION_TOKENS: Record<Language, Record<Encoding, number>> = {
  vi: { o200k_base: 219, cl100k_base: 361 },
  en: { o200k_base: 171, cl100k_base: 172 },
};
/** The map and reduce instructions' tokens (prompt.ts, MAP_SYSTEM and REDUCE_SYSTEM), checked as INSTRUCTION_TOKENS is. */
export const MAP_INSTRUCTION_TOKENS: Record<Language, Record<Encoding, number>> = {
  vi: { o200k_base: 144, cl100k_base: 243 },
  en: { o200k_base: 112, cl100k_base: 113 },
};
export const REDUCE_INSTRUCTION_TOKENS: Record<Language, Record<Encoding, number>> = {
  vi: { o200k_base: 141, cl100k_base: 241 },
  en: { o200k_base: 104, cl100k_base: 104 },
};

/** The focused question's instructions (prompt.ts, FOCUSED_SYSTEM), checked as INSTRUCTION_TOKENS is. */
export const FOCUSED_INSTRUCTION_TOKENS: Record<Language, Record<Encoding, number>> = {
  vi: { o200k_base: 287, cl100k_base: 484 },
  en: { o200k_base: 223, cl100k_base: 224 },
};

/** A document's framing (prompt.ts): its `<document index name>` tags, about 16 tokens, and 5 a `[Page N]` marker. */
export const DOCUMENT_TOKENS = 16;
export const PAGE_MARKER_TOKENS = 5;
/**
 * A part's framing in a map request (`<document name part path>`): the
 * document's, and its breadcrumb taken as two characters a token (an upper
 * bound for headings such as "Chương III > Mục 1 > Điều 9.1.LQ.16").
 */
export function partFramingTokens(path: readonly string[]): number {
  return DOCUMENT_TOKENS + 8 + Math.ceil(path.join(' > ').length / 2);
}
/**
 * An excerpt's framing in a focused request (`<excerpt path>` and its close):
 * its breadcrumb taken as two characters a token, as a part's is.
 */
export function excerptFramingTokens(path: readonly string[]): number {
  return 10 + Math.ceil(path.join(' > ').length / 2);
}
/** What the chunker keeps aside for a part's framing: a breadcrumb of up to 80 characters. */
export const PART_FRAMING_ALLOWANCE = DOCUMENT_TOKENS + 8 + 40;

/** The line that introduces the question ("Câu hỏi: ") and the blank lines before it. */
const QUESTION_LABEL_TOKENS = 4;

/**
 * A question's tokens, taken as its length in characters: at or above what
 * either encoding counts for Vietnamese and English (cl100k cuts Vietnamese
 * into 1.2 to 2 characters a token, o200k into about 3), so the estimate never
 * lets through a question the model would refuse for its length. A question is
 * a few dozen tokens against a contract's tens of thousands.
 */
export function questionTokens(question: string): number {
  return question.trim().length + QUESTION_LABEL_TOKENS;
}

/** The most room kept for an answer: enough for a long extraction of clauses. */
export const MAX_ANSWER_TOKENS = 8_000;

/**
 * Room kept for the answer, asked of the provider as `max_tokens`: the model's
 * own output limit where the lawyer has set it, otherwise what fits: 8,000
 * tokens of a large window, a quarter of a small one (an 8,192-token local
 * model keeps 2,048, and the rest is for the contract and the question).
 */
export function answerReserve(model: Pick<ProviderModel, 'contextWindow' | 'maxOutput'>): number {
  return model.maxOutput ?? defaultAnswerReserve(model.contextWindow);
}

/** What `answerReserve` keeps for a model with no output limit set. */
export function defaultAnswerReserve(contextWindow: number): number {
  return Math.min(MAX_ANSWER_TOKENS, Math.floor(contextWindow / 4));
}

export interface InputEstimate {
  tokens: number;
  /** Share of the context window the request fills (may exceed 1). */
  fill: number;
  /** Tokens past the window once the answer's reserve is kept: the figure a refusal states; 0 or less when it fits. */
  over: number;
  fits: boolean;
  cost: number;
  estimated: boolean;
}

/**
 * An earlier turn of a thread, for the estimate: the question (counted by its
 * length, as any question is) and the answer's tokens as the provider counted
 * them (its output), or its length in characters where it never said.
 */
export interface EstimatedTurn {
  question: string;
  answerTokens: number;
}

/**
 * A thread's stored answers as the estimate counts them, oldest first: the
 * question by its length, the answer by the provider's output count (its
 * length where it never said); an answer with no text is not sent, so not counted.
 */
export function estimatedThread(answers: readonly Pick<Answer, 'question' | 'text' | 'usage'>[]): EstimatedTurn[] {
  return answers
    .filter((answer) => answer.text !== '')
    .map((answer) => ({ question: answer.question, answerTokens: answer.usage?.output ?? answer.text.length }));
}

/** What a request sends of its documents, for the estimate: their tokens and their pages. */
export interface EstimatedDocument {
  tokens: TokenCounts;
  pages: number | null;
}

/**
 * What one question about these documents sends to a model and costs before
 * the answer: the one estimate of LexDesk. The card (with no question yet), the
 * ask panel, the live counters and main's refusal (preflight.ts) all read it,
 * so a question shows one figure everywhere and the panel never allows what
 * main refuses.
 */
export function estimateRequest(
  documents: readonly EstimatedDocument[],
  question: string,
  language: Language,
  model: ProviderModel,
  /** The earlier questions and answers of a thread, sent before this question. */
  earlier: readonly EstimatedTurn[] = [],
): InputEstimate {
  const inDocuments = documents.reduce((sum, doc) => sum + documentTokens(doc, model.encoding), 0);
  const thread = earlier.reduce((sum, turn) => sum + questionTokens(turn.question) + turn.answerTokens, 0);
  const tokens = INSTRUCTION_TOKENS[language][model.encoding] + inDocuments + thread + questionTokens(question);
  const over = tokens + answerReserve(model) - model.contextWindow;
  return {
    tokens,
    fill: tokens / model.contextWindow,
    over,
    fits: over <= 0,
    cost: (tokens / 1_000_000) * model.input,
    estimated: !model.exactTokenizer,
  };
}

/** What one document adds to a request: its text's tokens and its framing (tags, a marker a page). */
export function documentTokens(doc: EstimatedDocument, encoding: Encoding): number {
  return doc.tokens[encoding] + DOCUMENT_TOKENS + (doc.pages ?? 0) * PAGE_MARKER_TOKENS;
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
