import { z } from 'zod';
import { sha256Schema } from './documents';
import { appErrorDataSchema } from './error-schemas';
import { coverageSchema, planStrategySchema, strategySchema } from './plans';
import { providerIdSchema } from './providers';

export const answerStatusSchema = z.enum(['streaming', 'done', 'stopped', 'failed', 'interrupted']);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;

export const usageSchema = z.object({
  input: z.number().int(),
  cachedInput: z.number().int(),
  output: z.number().int(),
});

/**
 * How an answer read its documents when not whole: its plan, its parts, what
 * it covered, and the parts that failed (their pages were not read).
 */
export const answerPlanSchema = z.object({
  strategy: planStrategySchema,
  parts: z.number().int(),
  coverage: coverageSchema,
  failedParts: z.array(z.object({ index: z.number().int(), document: z.string(), pages: z.array(z.number().int()) })),
});
export type AnswerPlan = z.infer<typeof answerPlanSchema>;

export const verdictSchema = z.enum(['verified', 'wrong-page', 'wrong-clause', 'not-found', 'no-quote']);
export type Verdict = z.infer<typeof verdictSchema>;

/** A citation of an answer as checked against its documents (main/citations/verify-citations.ts). */
export const citationCheckSchema = z.object({
  /** Where the citation stands in the answer's text. */
  start: z.number().int(),
  end: z.number().int(),
  document: z.string().nullable(),
  page: z.number().int().nullable(),
  clause: z.string().nullable(),
  /** The words quoted before it; null when none were. */
  quote: z.string().nullable(),
  verdict: verdictSchema,
  /** Where the quote stands in the document: its pages, the clauses holding it, the range to mark. */
  foundPages: z.array(z.number().int()),
  foundIn: z.array(z.string()),
  range: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  match: z.enum(['exact', 'loose', 'folded']).nullable(),
});
export type CitationCheck = z.infer<typeof citationCheckSchema>;

/** A question and its answer as stored: written when the request starts, flushed while it streams. */
export const answerSchema = z.object({
  id: z.string(),
  question: z.string(),
  documentIds: z.array(sha256Schema),
  providerId: z.string(),
  providerName: z.string(),
  model: z.string(),
  status: answerStatusSchema,
  text: z.string(),
  /** As the provider reported it; null until it does (a failed answer may never have it). */
  usage: usageSchema.nullable(),
  estimatedInput: z.number().int(),
  /** From the reported usage and the model's prices; null without usage. */
  cost: z.number().nullable(),
  currency: z.string(),
  ttftMs: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  error: appErrorDataSchema.pick({ code: true, message: true }).nullable(),
  /**
   * Why the model stopped, as the provider said: `stop`, `length` (it reached
   * its output limit: the answer is cut off), `filtered`, or the provider's own
   * word; null when it never said (a failed or stopped answer, or an older one).
   */
  finishReason: z.string().nullable(),
  /** The matter (hồ sơ vụ việc) it is filed under, if any. */
  matterId: z.string().nullable(),
  /** The answer this one is a follow-up question to, in a thread on the same documents; null for a first question. */
  follows: z.string().nullable(),
  /** Null: the documents were read whole. */
  plan: answerPlanSchema.nullable(),
  /** Its citations as checked against the documents once it ended; null for one not checked. */
  citations: z.array(citationCheckSchema).nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Answer = z.infer<typeof answerSchema>;

/** A thread holds at most this many questions: past it, a new thread on the same documents reads better. */
export const MAX_THREAD_TURNS = 20;

export const askInputSchema = z.object({
  documentIds: z.array(sha256Schema).min(1).max(50),
  providerId: providerIdSchema,
  model: z.string().min(1).max(200),
  question: z.string().trim().min(1).max(20_000),
  /** Skip the answer cache and ask the provider again. */
  fresh: z.boolean().optional(),
  /** File the answer, and those of its documents not yet in a matter, under this matter. */
  matterId: z.string().min(1).max(100).nullable().optional(),
  /** Asked as a follow-up to this answer: its thread's questions and answers go first, on the same documents. */
  follows: z.string().min(1).max(100).optional(),
  /** How to read documents that may not fit the model; unset is whole, refused when it does not fit. */
  strategy: strategySchema.optional(),
  /** The most one request may send, below the model's window. */
  maxInputTokens: z.number().int().positive().max(100_000_000).optional(),
});
export type AskInput = z.infer<typeof askInputSchema>;

export const askStartedSchema = z.object({
  streamId: z.string(),
  answerId: z.string(),
  estimatedInput: z.number().int(),
  estimatedCost: z.number(),
  currency: z.string(),
  /** Whether the input count is the model's own tokenizer or an estimate. */
  estimated: z.boolean(),
  /** The same question on the same documents and model was answered before: that answer, at no cost. */
  cached: z.boolean(),
  /** The stored answer when `cached`, whole (no events follow); null for one that will stream. */
  answer: answerSchema.nullable(),
});
export type AskStarted = z.infer<typeof askStartedSchema>;

const stream = { streamId: z.string(), seq: z.number().int() };

/** What main pushes while an answer streams, text coalesced to about one event per animation frame. */
export const askStreamEventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...stream,
    kind: z.literal('delta'),
    text: z.string(),
    /** Counted locally as the text arrives; the provider's count replaces it at the end. */
    outputTokens: z.number().int(),
    elapsedMs: z.number().int(),
    ttftMs: z.number().int(),
    costSoFar: z.number(),
  }),
  z.object({ ...stream, kind: z.literal('usage'), usage: usageSchema, cost: z.number() }),
  /** Waiting before another attempt, after a 429 (as Retry-After says) or a 5xx. */
  z.object({
    ...stream,
    kind: z.literal('retry'),
    reason: z.enum(['RATE_LIMITED', 'PROVIDER_UNAVAILABLE']),
    secondsLeft: z.number().int(),
    attempt: z.number().int(),
    maxAttempts: z.number().int(),
  }),
  /** A map-reduce answer's parts: how many are read and failed of all, before the joining request streams. */
  z.object({
    ...stream,
    kind: z.literal('parts'),
    done: z.number().int(),
    failed: z.number().int(),
    total: z.number().int(),
  }),
  /** Citations completed in the text since the last such event, each checked against the documents. */
  z.object({ ...stream, kind: z.literal('citations'), checks: z.array(citationCheckSchema) }),
  z.object({ ...stream, kind: z.literal('done'), answer: answerSchema }),
  z.object({ ...stream, kind: z.literal('error'), error: appErrorDataSchema, answer: answerSchema }),
]);
export type AskStreamEvent = z.infer<typeof askStreamEventSchema>;

/** The model stopped at its output limit: what is there is only the start of the answer. */
export const isCutOff = (answer: { status: string; finishReason: string | null }): boolean =>
  answer.status === 'done' && answer.finishReason === 'length';
