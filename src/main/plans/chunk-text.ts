import type { DocumentDetail } from '../../shared/documents';
import { documentText } from '../../shared/page-map';
import type { PlannedChunk } from '../../shared/plans';
import type { FocusedDocument } from '../../shared/prompt';

/** A chunk's text page by page (one piece for a document without pages), as a request frames it. */
export function chunkPages(
  doc: Pick<DocumentDetail, 'pages' | 'pageTexts'>,
  chunk: Pick<PlannedChunk, 'start' | 'end' | 'pages'>,
  text: string,
): { page: number; text: string }[] {
  if (doc.pages === null) return [{ page: 1, text: text.slice(chunk.start, chunk.end) }];
  return doc.pageTexts
    .filter((page) => chunk.pages.includes(page.page))
    .map((page) => ({
      page: page.page,
      text: text.slice(Math.max(chunk.start, page.start), Math.min(chunk.end, page.start + page.text.length)),
    }));
}

/** The documents as a focused plan sends them: each one's excerpts, in order. */
export function focusedDocuments(
  documents: readonly DocumentDetail[],
  chunks: readonly PlannedChunk[],
): FocusedDocument[] {
  return documents.map((doc) => {
    const text = documentText(doc.pageTexts);
    return {
      name: doc.name,
      paged: doc.pages !== null,
      excerpts: chunks
        .filter((chunk) => chunk.document === doc.sha256)
        .map((chunk) => ({ path: chunk.path, pages: chunkPages(doc, chunk, text) })),
    };
  });
}
