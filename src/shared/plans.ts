import { z } from 'zod';

/**
 * How a question is put to a model when its documents may not fit: whole (as
 * they are), map-reduce (each clause-aware part asked, the partial answers
 * joined in one), focused (the passages that matter to the question), each
 * priced before sending. `auto` picks; `fail` refuses what does not fit whole.
 */
export const strategySchema = z.enum(['auto', 'whole', 'map-reduce', 'focused', 'fail']);
export type Strategy = z.infer<typeof strategySchema>;

export const planStrategySchema = z.enum(['whole', 'map-reduce', 'focused']);
export type PlanStrategy = z.infer<typeof planStrategySchema>;

/** A part of a document one request reads: offsets in the document's stored text, its pages and where it stands. */
export const plannedChunkSchema = z.object({
  index: z.number().int(),
  /** The document's SHA-256. */
  document: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  pages: z.array(z.number().int()),
  tokens: z.number().int(),
  /** Its breadcrumb, outermost first: `Chương II > Điều 24`. */
  path: z.array(z.string()),
});
export type PlannedChunk = z.infer<typeof plannedChunkSchema>;

/** What a plan reads of the documents, and what it leaves out. */
export const coverageSchema = z.object({
  pages: z.number().int(),
  /** The pages not read, by document (empty when every page is read). */
  pagesLeftOut: z.array(z.object({ document: z.string(), pages: z.array(z.number().int()) })),
  chars: z.number().int(),
  charsSent: z.number().int(),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const planEstimateSchema = z.object({
  /** Input tokens of every request the plan makes. */
  input: z.number().int(),
  /** Output tokens expected: each partial answer and the final one. */
  output: z.number().int(),
  cost: z.number(),
  currency: z.string(),
  /** Requests the plan makes. */
  calls: z.number().int(),
});
export type PlanEstimate = z.infer<typeof planEstimateSchema>;

export const planSchema = z.object({
  strategy: planStrategySchema,
  providerId: z.string(),
  model: z.string(),
  /** Whether each request fits the model's window (and the lawyer's cap) with room kept for its answer. */
  fits: z.boolean(),
  chunks: z.array(plannedChunkSchema),
  coverage: coverageSchema,
  estimate: planEstimateSchema,
});
export type Plan = z.infer<typeof planSchema>;

/** Why `auto` chose its plan, in words the panel and the CLI say. */
export const planReasonSchema = z.enum([
  /** The documents fit the model whole. */
  'fits-whole',
  /** They do not; this is the cheapest plan that reads every page. */
  'cheapest-full-coverage',
  /** Nothing reads every page within the limits; this reads the most. */
  'best-partial',
  /** The lawyer asked for this plan. */
  'asked',
]);
export type PlanReason = z.infer<typeof planReasonSchema>;

/** What the ask panel asks main to plan: the question as it would be asked. */
export const planInputSchema = z.object({
  documentIds: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .min(1)
    .max(50),
  providerId: z.string().min(1).max(40),
  model: z.string().min(1).max(200),
  question: z.string().max(20_000),
  strategy: strategySchema.optional(),
  maxInputTokens: z.number().int().positive().max(100_000_000).optional(),
});
export type PlanInput = z.infer<typeof planInputSchema>;

/** Every plan for the question, the one its strategy takes and why, and the room one request has. */
export const plannedQuestionSchema = z.object({
  plans: z.array(planSchema),
  chosen: planSchema.nullable(),
  reason: planReasonSchema.nullable(),
  contextWindow: z.number().int(),
  room: z.number().int(),
});
export type PlannedQuestion = z.infer<typeof plannedQuestionSchema>;
