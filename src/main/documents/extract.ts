import type { DocumentKind, IngestStage, IngestWarning, TokenCounts } from '../../shared/documents';
import { AppError } from '../../shared/errors';
import type { Language } from '../../shared/language';
import { countTokens } from '../tokens/token-count';
import { readDocxLines } from './docx-text';
import { decodeText, detectKind } from './file-type';
import { detectLanguage } from './language';
import { buildPagedText } from './page-text';
import { readPdfPages } from './pdf-text';

export interface Extraction {
  kind: DocumentKind;
  pages: number | null;
  pageTexts: { page: number; start: number; text: string }[];
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

/**
 * From bytes to the text LexDesk keeps, with its page map and token counts.
 * Runs in the extraction worker; plain and synchronous-free so tests call it directly.
 */
export async function extractDocument(
  bytes: Uint8Array,
  name: string,
  password: string | undefined,
  onProgress: (progress: ExtractProgress) => void = () => {},
): Promise<Extraction> {
  const kind = detectKind(bytes, name);
  onProgress({ stage: 'extracting' });
  let rawPages: string[][];
  let lostPages: number[] = [];
  if (kind === 'pdf') {
    ({ pages: rawPages, lostPages } = await readPdfPages(bytes, name, password, (p) =>
      onProgress({ stage: 'extracting', ...p }),
    ));
  } else if (kind === 'docx') {
    rawPages = [await readDocxLines(bytes, name)];
  } else {
    rawPages = [decodeText(bytes, name).split(/\r\n|\r|\n/u)];
  }

  const paged = buildPagedText(rawPages);
  const pagesWithoutText =
    kind === 'pdf'
      ? paged.pages.filter((p) => p.text.trim() === '' && !lostPages.includes(p.page)).map((p) => p.page)
      : [];
  if (kind === 'pdf' && pagesWithoutText.length + lostPages.length === rawPages.length) {
    throw new AppError('PDF_NO_TEXT', { name });
  }
  if (kind !== 'pdf' && paged.text.trim() === '') throw new AppError('FILE_EMPTY', { name });

  onProgress({ stage: 'counting' });
  const warnings: IngestWarning[] = [];
  if (lostPages.length > 0) warnings.push({ kind: 'pages-lost', pages: lostPages });
  if (pagesWithoutText.length > 0) warnings.push({ kind: 'pages-without-text', pages: pagesWithoutText });
  return {
    kind,
    pages: kind === 'pdf' ? rawPages.length : null,
    pageTexts: paged.pages,
    runningLines: paged.runningLines,
    chars: paged.text.length,
    language: detectLanguage(paged.text),
    tokens: countTokens(paged.text),
    pagesWithoutText,
    warnings,
  };
}
