import { z } from 'zod';
import { languageSchema } from './language';

/** A document's id: the SHA-256 of its bytes, in lowercase hex. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const documentKindSchema = z.enum(['pdf', 'docx', 'text']);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const encodingSchema = z.enum(['o200k_base', 'cl100k_base']);
export type Encoding = z.infer<typeof encodingSchema>;

export const tokenCountsSchema = z.object({ o200k_base: z.number().int(), cl100k_base: z.number().int() });
export type TokenCounts = z.infer<typeof tokenCountsSchema>;

/** Something the lawyer should know about an ingested document, shown on its card. */
export const ingestWarningSchema = z.discriminatedUnion('kind', [
  /** Pages pdf.js could not read at all in a partly damaged PDF. */
  z.object({ kind: z.literal('pages-lost'), pages: z.array(z.number().int()) }),
  /** Pages with no text layer (scanned): their content is not in what the model reads. */
  z.object({ kind: z.literal('pages-without-text'), pages: z.array(z.number().int()) }),
]);
export type IngestWarning = z.infer<typeof ingestWarningSchema>;

export const documentSummarySchema = z.object({
  /** SHA-256 of the original bytes, hex: the same bytes are the same document. */
  sha256: sha256Schema,
  name: z.string(),
  kind: documentKindSchema,
  sizeBytes: z.number().int(),
  /** Physical pages of a PDF; DOCX and text have none. */
  pages: z.number().int().nullable(),
  chars: z.number().int(),
  language: languageSchema,
  /** Tokens of the text a model is sent (running headers and footers left out). */
  tokens: tokenCountsSchema,
  pagesWithoutText: z.array(z.number().int()),
  warnings: z.array(ingestWarningSchema),
  extractionMs: z.number().int(),
  /** The matter (hồ sơ vụ việc) it is filed under, if any. */
  matterId: z.string().nullable(),
  createdAt: z.number().int(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentPageSchema = z.object({
  page: z.number().int(),
  /** Offset of the page's first character in the whole document text. */
  start: z.number().int(),
  text: z.string(),
  /** The page's tokens, counted at ingest; null for a page stored before pages were counted. */
  tokens: tokenCountsSchema.nullable(),
});

export const documentDetailSchema = documentSummarySchema.extend({
  pageTexts: z.array(documentPageSchema),
  /** Running header and footer lines, recognised on most pages and left out of what a model reads. */
  runningLines: z.array(z.string()),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

const password = z.string().max(1024).optional();
const ingestId = z.string().min(1).max(100);

/**
 * A file the user handed over, by dropping or picking it: main registered its
 * path (the preload read it from the File, in Electron) and gave the window
 * this token. The window never names a path to main.
 */
export const fileIdSchema = z.string().regex(/^[0-9a-f]{32}$/);
export const handOverInputSchema = z.object({ path: z.string().min(1).max(4096) });
export const handedOverSchema = z.object({ fileId: fileIdSchema, name: z.string() });
export type HandedOver = z.infer<typeof handedOverSchema>;

/**
 * A file to ingest: one the user handed over, by its token (Electron), or its
 * bytes (a file the page read itself, as in the browser). Both go through the
 * same service.
 */
export const ingestInputSchema = z.union([
  z.object({ ingestId, fileId: fileIdSchema, password }),
  z.object({ ingestId, name: z.string().min(1).max(1000), bytes: z.instanceof(Uint8Array), password }),
]);
export type IngestInput = z.infer<typeof ingestInputSchema>;

export const ingestStageSchema = z.enum(['reading', 'extracting', 'counting', 'storing']);
export type IngestStage = z.infer<typeof ingestStageSchema>;

export const documentIdSchema = z.object({ sha256: sha256Schema });
