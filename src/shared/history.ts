import { z } from 'zod';
import { answerStatusSchema } from './answers';
import { sha256Schema } from './documents';
import { planStrategySchema } from './plans';

/** One past analysis in the history list. */
export const historyItemSchema = z.object({
  answerId: z.string(),
  question: z.string(),
  status: answerStatusSchema,
  /** As the answer's: `length` is an answer cut off at the model's output limit. */
  finishReason: z.string().nullable(),
  providerName: z.string(),
  model: z.string(),
  cost: z.number().nullable(),
  currency: z.string(),
  createdAt: z.number().int(),
  /** The first document's name, and how many documents the question was about. */
  documentName: z.string(),
  documentCount: z.number().int(),
  matterId: z.string().nullable(),
  /** The plan it was read by (null: whole), and whether that read every page of it. */
  readBy: planStrategySchema.nullable(),
  coverage: z.enum(['full', 'partial']).nullable(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const historyPageInputSchema = z.object({
  limit: z.number().int().min(1).max(500),
  offset: z.number().int().min(0),
  /** Only this matter's analyses; null for those in no matter; absent for all. */
  matterId: z.string().nullable().optional(),
});
export const historyPageSchema = z.object({ items: z.array(historyItemSchema), total: z.number().int() });
export type HistoryPage = z.infer<typeof historyPageSchema>;

/** Marks around the matched words in a snippet; the renderer turns them into highlights. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

export const searchHitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), answerId: z.string(), title: z.string(), snippet: z.string() }),
  z.object({ kind: z.literal('document'), sha256: z.string(), title: z.string(), snippet: z.string() }),
  z.object({
    kind: z.literal('page'),
    sha256: z.string(),
    page: z.number().int(),
    title: z.string(),
    snippet: z.string(),
  }),
]);
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchKindSchema = z.enum(['answer', 'document', 'page']);
export type SearchKind = z.infer<typeof searchKindSchema>;

/** What a search looks in: one kind of hit, one document's, one matter's (null: those in none); all when absent. */
export const searchFilterSchema = z.object({
  kind: searchKindSchema.optional(),
  documentId: sha256Schema.optional(),
  matterId: z.string().min(1).max(100).nullable().optional(),
});
export type SearchFilter = z.infer<typeof searchFilterSchema>;

export const searchInputSchema = searchFilterSchema.extend({
  query: z.string().max(500),
  limit: z.number().int().min(1).max(200),
});
