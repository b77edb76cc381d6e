import type { DocumentKind, Encoding, IngestStage, IngestWarning, TokenCounts } from '../../shared/documents';
import { AppError } from '../../shared/errors';
import type { Language } from '../../shared/language';
import { countTokensWith } from '../tokens/token-count';
import { readDocxLines } from './docx-text';
import { decodeText, detectKind } from './file-type';
import { detectLanguage } from './language';
import { buildPagedText } from './page-text';
import { readPdfPages } from './pdf-text';

export interface Extraction {
  kind: DocumentKind;
  pages: number | null;
  /** Each page's text, where it starts in the whole text, and its tokens (summed, they are the document's). */
  pageTexts: { page: number; start: number; text: string; tokens: TokenCounts }[];
  runningLines: string[];
  chars: number;
  language: Language;
  tokens: TokenCounts;
  pagesWithoutText: number[];
  warnings: IngestWarning[];
}

export interface ExtractProgress {
  stage: IngestStage;
  page?: number;
  pages?: number;
}

/** A file's raw lines, page by page, before running headers come off and tokens are counted. */
export interface RawPages {
  kind: DocumentKind;
  /** The raw lines of the pages read, in order; a lost page has none. */
  pages: string[][];
  lostPages: number[];
  /** The document's page count, where it has pages; a shard reads only its part of them. */
  pageCount: number | null;
}

/** One of `count` parts of a PDF's pages, read in its own worker. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads a file's pages (or, given a shard, that part of a PDF's pages). */
export async function readPages(
  bytes: Uint8Array,
  name: string,
  password: string | undefined,
  onProgress: (progress: ExtractProgress) => void = () => {},
  shard?: Shard,
): Promise<RawPages> {
  const kind = detectKind(bytes, name);
  onProgress({ stage: 'extracting' });
  if (kind === 'pdf') {
    const read = await readPdfPages(bytes, name, password, (p) => onProgress({ stage: 'extracting', ...p }), shard);
    return { kind, pages: read.pages, lostPages: read.lostPages, pageCount: read.pageCount };
  }
  if (shard && shard.index > 0) return { kind, pages: [], lostPages: [], pageCount: null };
  const lines = kind === 'docx' ? await readDocxLines(bytes, name) : decodeText(bytes, name).split(/\r\n|\r|\n/u);
  return { kind, pages: [lines], lostPages: [], pageCount: null };
}

/** The text LexDesk keeps, from all of a file's raw pages, with the counts of `encodings` only. */
export type CountedExtraction = Omit<Extraction, 'tokens' | 'pageTexts'> & {
  tokens: Partial<TokenCounts>;
  pageTexts: { page: number; start: number; text: string; tokens: Partial<TokenCounts> }[];
};

export function finishExtraction(
  raw: RawPages,
  name: string,
  encodings: readonly Encoding[] = ['o200k_base', 'cl100k_base'],
): CountedExtraction {
  const { kind, pages: rawPages, lostPages } = raw;
  if (kind === 'pdf' && lostPages.length === rawPages.length) throw new AppError('PDF_CORRUPT', { name });
  const paged = buildPagedText(rawPages);
  const pagesWithoutText =
    kind === 'pdf'
      ? paged.pages.filter((p) => p.text.trim() === '' && !lostPages.includes(p.page)).map((p) => p.page)
      : [];
  if (kind === 'pdf' && pagesWithoutText.length + lostPages.length === rawPages.length) {
    throw new AppError('PDF_NO_TEXT', { name });
  }
  if (kind !== 'pdf' && paged.text.trim() === '') throw new AppError('FILE_EMPTY', { name });

  const warnings: IngestWarning[] = [];
  if (lostPages.length > 0) warnings.push({ kind: 'pages-lost', pages: lostPages });
  if (pagesWithoutText.length > 0) warnings.push({ kind: 'pages-without-text', pages: pagesWithoutText });
  // Counted a page at a time, in one pass: the plans for a long document read these, and the
  // document's count is their sum (a request frames each page with its own marker anyway).
  const pageTexts = paged.pages.map((page) => ({ ...page, tokens: {} as Partial<TokenCounts> }));
  const tokens: Partial<TokenCounts> = {};
  for (const encoding of encodings) {
    let sum = 0;
    for (const page of pageTexts) {
      const count = countTokensWith(encoding, page.text);
      page.tokens[encoding] = count;
      sum += count;
    }
    tokens[encoding] = sum;
  }
  return {
    kind,
    pages: kind === 'pdf' ? rawPages.length : null,
    pageTexts,
    runningLines: paged.runningLines,
    chars: paged.text.length,
    language: detectLanguage(paged.text),
    tokens,
    pagesWithoutText,
    warnings,
  };
}

/**
 * From bytes to the text LexDesk keeps, with its page map and token counts,
 * in one thread. The extraction pool splits a long PDF across workers instead.
 */
export async function extractDocument(
  bytes: Uint8Array,
  name: string,
  password: string | undefined,
  onProgress: (progress: ExtractProgress) => void = () => {},
): Promise<Extraction> {
  const raw = await readPages(bytes, name, password, onProgress);
  onProgress({ stage: 'counting' });
  return withAllCounts(finishExtraction(raw, name));
}

/** An extraction whose parts, counted apart, together hold both encodings' counts, the document's and each page's. */
export function withAllCounts(part: CountedExtraction, ...others: CountedExtraction[]): Extraction {
  const both = (counts: Partial<TokenCounts>[]): TokenCounts => {
    const { o200k_base, cl100k_base } = Object.assign({}, ...counts) as Partial<TokenCounts>;
    if (o200k_base === undefined || cl100k_base === undefined) throw new Error('an encoding was not counted');
    return { o200k_base, cl100k_base };
  };
  return {
    ...part,
    tokens: both([part.tokens, ...others.map((other) => other.tokens)]),
    pageTexts: part.pageTexts.map((page, i) => ({
      ...page,
      tokens: both([page.tokens, ...others.map((other) => other.pageTexts[i]?.tokens ?? {})]),
    })),
  };
}
