import { z } from 'zod';
import { appErrorDataSchema } from './error-schemas';

/**
 * Batch review: a set of questions put to each of many documents, one request
 * per document with every question in it, the answers kept as a grid of
 * cells (documents × questions) in SQLite, priced before it starts, run in
 * main under the provider's limits, resumable after a crash.
 */

/** What a cell holds: free text, yes or no, a date, an amount with its currency, the parties, or a list. */
export const answerTypeSchema = z.enum(['text', 'yes-no', 'date', 'amount', 'parties', 'list']);
export type AnswerType = z.infer<typeof answerTypeSchema>;

export const batchQuestionSchema = z.object({
  /** Short and stable within the set: the JSON key of its answer and the grid's column. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/u)
    .describe('lower-case letters, digits and hyphens'),
  text: z.string().trim().min(3).max(2_000),
  type: answerTypeSchema,
});
export type BatchQuestion = z.infer<typeof batchQuestionSchema>;

export const questionListSchema = z
  .array(batchQuestionSchema)
  .min(1)
  .max(100)
  .refine((questions) => new Set(questions.map((q) => q.id)).size === questions.length, 'question ids repeat');

/** A citation of a cell, as the model gave it: the page, the clause and the words it rests on. */
export const cellCitationSchema = z.object({
  page: z.number().int().positive().nullable(),
  clause: z.string().max(200).nullable(),
  quote: z.string().max(2_000).nullable(),
});
export type CellCitation = z.infer<typeof cellCitationSchema>;

/** One question's answer for one document. */
export const batchCellSchema = z.object({
  questionId: z.string(),
  /** False: the document says nothing on it ("not found in the document" is an answer). */
  found: z.boolean(),
  /** The answer in a sentence or two, as the grid shows it. */
  answer: z.string(),
  /** The value in the question's type: "yes"/"no", an ISO date, "1200000 VND", names, items; null when not found. */
  value: z.union([z.string(), z.array(z.string())]).nullable(),
  citations: z.array(cellCitationSchema),
  /** Each citation's quote as checked against the document: verified, wrong-page, not-found… (null: no quote). */
  verdicts: z.array(z.enum(['verified', 'wrong-page', 'wrong-clause', 'not-found', 'no-quote'])),
});
export type BatchCell = z.infer<typeof batchCellSchema>;

export const jobStatusSchema = z.enum(['running', 'paused', 'cancelled', 'done']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/**
 * Why a job stands paused: the lawyer, the budget, a provider failing time
 * after time (probed again after a while), or a provider refusing the job
 * itself (the key, the model: the lawyer mends it in Settings, then resumes).
 */
export const pauseReasonSchema = z.enum(['user', 'budget', 'provider-failing', 'provider-refused']);
export type PauseReason = z.infer<typeof pauseReasonSchema>;

export const itemStatusSchema = z.enum(['pending', 'running', 'done', 'failed']);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const batchItemSchema = z.object({
  position: z.number().int(),
  document: z.string(),
  documentName: z.string(),
  status: itemStatusSchema,
  attempts: z.number().int(),
  cells: z.array(batchCellSchema).nullable(),
  cost: z.number(),
  fromCache: z.boolean(),
  error: appErrorDataSchema.pick({ code: true, message: true }).nullable(),
});
export type BatchItem = z.infer<typeof batchItemSchema>;

/** A job's state, as the window and the CLI read it: its counts, spend and ETA, not its items. */
export const jobStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  providerId: z.string(),
  model: z.string(),
  status: jobStatusSchema,
  pausedReason: pauseReasonSchema.nullable(),
  questions: z.array(batchQuestionSchema),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  running: z.number().int(),
  spent: z.number(),
  estimatedCost: z.number(),
  budget: z.number().nullable(),
  currency: z.string(),
  /** Seconds left at the pace so far; null before an item has ended. */
  etaSeconds: z.number().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type JobState = z.infer<typeof jobStateSchema>;

/** What starts a job. */
export const batchStartSchema = z.object({
  name: z.string().trim().min(1).max(200),
  documentIds: z
    .array(z.string().regex(/^[0-9a-f]{64}$/u))
    .min(1)
    .max(10_000),
  questions: questionListSchema,
  providerId: z.string().min(1).max(40),
  model: z.string().min(1).max(200),
  /** Documents asked at once (the provider's own limits come on top). */
  concurrency: z.number().int().min(1).max(64).optional(),
  /** Stop before the call that would pass this spend, in the model's currency. */
  budget: z.number().positive().optional(),
  matterId: z.string().nullable().optional(),
  /** Ask every document again, rather than serve what an earlier batch answered for it. */
  fresh: z.boolean().optional(),
});
export type BatchStart = z.infer<typeof batchStartSchema>;

/** A batch priced on one configured model before it starts (main/batch/batch-preflight.ts). */
export const batchQuoteSchema = z.object({
  providerId: z.string(),
  model: z.string(),
  input: z.number().int(),
  output: z.number().int(),
  cost: z.number(),
  currency: z.string(),
  seconds: z.number(),
  overWindow: z.array(
    z.object({ document: z.string(), name: z.string(), charsSent: z.number().int(), chars: z.number().int() }),
  ),
});

const jobIdSchema = z.object({ jobId: z.string().min(1).max(100) });

/** The batch channels of the contract (contract.ts), here beside their types. */
export const batchChannels = {
  'batch:quote': {
    input: z.object({ documentIds: batchStartSchema.shape.documentIds, questions: questionListSchema }),
    output: z.array(batchQuoteSchema),
  },
  'batch:start': { input: batchStartSchema, output: jobStateSchema },
  'batch:pause': { input: jobIdSchema, output: jobStateSchema },
  'batch:resume': {
    input: jobIdSchema.extend({
      retryFailed: z.boolean().optional(),
      budget: z.number().positive().nullable().optional(),
    }),
    output: jobStateSchema,
  },
  'batch:cancel': { input: jobIdSchema, output: jobStateSchema },
  'batch:state': { input: jobIdSchema, output: jobStateSchema },
  'batch:list': { input: z.undefined(), output: z.array(jobStateSchema) },
  'batch:items': {
    input: jobIdSchema.extend({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
    }),
    output: z.array(batchItemSchema),
  },
} as const;
