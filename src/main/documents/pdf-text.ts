import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { AppError } from '../../shared/errors';
import { DOCUMENT_LIMITS } from './limits';

type PdfJs = typeof import('pdfjs-dist');

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdfjs-dist's folder. A packaged app keeps it outside app.asar
 * (electron-builder.yml, asarUnpack): this thread loads it as ES modules and
 * pdf.js reads its CMaps and fonts by path, so both get plain files.
 */
const pdfjsDir = unpackedPath(dirname(require.resolve('pdfjs-dist/package.json')));

/** A path inside app.asar as its copy in app.asar.unpacked; any other path as it is. */
export function unpackedPath(path: string): string {
  return path.replace(/\.asar([\\/])/, '.asar.unpacked$1');
}

/**
 * pdf.js, loaded once per thread: the legacy build runs on Node 20, minified
 * (half the bytes to compile: 30 ms less at each worker's start). Its worker
 * module is loaded here too (pdf.js then runs it in this thread rather than
 * importing it by URL), so that both are in before the fix below.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const nativePush = Array.prototype.push;
    const api = (await import(pathToFileURL(join(pdfjsDir, 'legacy', 'build', 'pdf.min.mjs')).href)) as PdfJs;
    await import(pathToFileURL(join(pdfjsDir, 'legacy', 'build', 'pdf.worker.min.mjs')).href);
    // The legacy build's core-js replaces Array.prototype.push for the whole thread, because Node 20's push()
    // with no arguments does not throw on an array whose length is read-only. pdf.js pushes once per glyph, and
    // the replacement made the 404-page Civil Code read 15% slower (2.25 s to 1.9 s); that corner case never
    // arises here, so the native push goes back.
    if (Array.prototype.push !== nativePush) {
      Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true });
    }
    return api;
  })();
  return pdfjs;
}

export interface PdfPages {
  /** Each page's raw lines, in page order; a lost page has none. */
  pages: string[][];
  lostPages: number[];
  /** The document's page count; a shard reads only its part. */
  pageCount: number;
}

export interface PdfProgress {
  page: number;
  pages: number;
}

/**
 * Reads the text layer of every page, or of one shard's run of pages (the
 * `index`-th of `count` equal runs); a page that throws is reported lost, not fatal.
 */
export async function readPdfPages(
  bytes: Uint8Array,
  name: string,
  password: string | undefined,
  onProgress: (progress: PdfProgress) => void,
  shard: { index: number; count: number } = { index: 0, count: 1 },
): Promise<PdfPages> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given.
    data: bytes.slice(),
    ...(password !== undefined ? { password } : {}),
    // CID fonts (Chinese, Japanese names in CUAD contracts) need the CMaps to map glyphs to text.
    cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/`,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    throw pdfOpenError(error, name, password);
  }
  try {
    if (document.numPages > DOCUMENT_LIMITS.maxPages) {
      throw new AppError('FILE_TOO_LARGE', { name, limit: `${DOCUMENT_LIMITS.maxPages.toLocaleString('en')} pages` });
    }
    const pages: string[][] = [];
    const lostPages: number[] = [];
    const perShard = Math.ceil(document.numPages / shard.count);
    const first = shard.index * perShard + 1;
    const last = Math.min(document.numPages, first + perShard - 1);
    for (let number = first; number <= last; number++) {
      try {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        pages.push(linesOf(content.items.filter((item): item is TextItem => 'str' in item)));
        page.cleanup();
      } catch {
        pages.push([]);
        lostPages.push(number);
      }
      onProgress({ page: number, pages: document.numPages });
    }
    return { pages, lostPages, pageCount: document.numPages };
  } finally {
    await task.destroy();
  }
}

/** pdf.js marks the end of each line with `hasEOL`; items between carry their own spaces. */
function linesOf(items: readonly TextItem[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    line += item.str;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function pdfOpenError(error: unknown, name: string, password: string | undefined): AppError {
  if (error instanceof AppError) return error;
  const { name: kind, code } = (error ?? {}) as { name?: string; code?: number };
  if (kind === 'PasswordException') {
    // pdf.js: 1 = a password is needed, 2 = the one given is wrong.
    return new AppError(code === 2 || password !== undefined ? 'PDF_PASSWORD_WRONG' : 'PDF_PASSWORD_REQUIRED', {
      name,
    });
  }
  return new AppError('PDF_CORRUPT', { name, reason: String((error as Error)?.message ?? error) });
}
