import type { CitationCheck } from '../../shared/answers';
import { documentText } from '../../shared/page-map';
import type { DocumentsService } from '../documents/documents-service';
import type { OutlineCache } from '../plans/plan-question';
import { type VerifiableDocument, verifiable, verifyCitations, verifyQuoted } from './verify-citations';

/**
 * Checks an answer's citations against its documents as stored, each
 * document's comparable text kept for the next answer about it (a lawyer
 * asks several questions of one contract).
 */
export function createCitationChecker(deps: {
  documents: Pick<DocumentsService, 'get'>;
  outlines: OutlineCache;
  /** Documents kept ready; each holds its text twice over. */
  keep?: number;
}) {
  const kept = new Map<string, VerifiableDocument>();
  const ready = (sha256: string): VerifiableDocument => {
    const known = kept.get(sha256);
    if (known) {
      // Most recently used last.
      kept.delete(sha256);
      kept.set(sha256, known);
      return known;
    }
    const doc = deps.documents.get(sha256);
    const text = documentText(doc.pageTexts);
    const made = verifiable(
      { sha256, name: doc.name, text, pages: doc.pageTexts, paged: doc.pages !== null },
      () => deps.outlines.get(doc, text),
      () => deps.outlines.folded(doc, text),
    );
    kept.set(sha256, made);
    if (kept.size > (deps.keep ?? 8)) kept.delete(kept.keys().next().value as string);
    return made;
  };
  return {
    /** The checks of `text`'s citations against the documents it was given, in order (from offset `from`). */
    check(text: string, documentIds: readonly string[], from = 0): CitationCheck[] {
      return verifyCitations(text, documentIds.map(ready), from);
    },
    /** Each of a batch cell's citations checked against its document: its verdict. */
    checkQuoted(sha256: string, citations: readonly Parameters<typeof verifyQuoted>[1][]): CitationCheck['verdict'][] {
      const doc = ready(sha256);
      return citations.map((cited) => verifyQuoted(doc, cited).verdict);
    },
    /** Readies a document before an answer about it ends (its clauses and comparable text). */
    prepare(sha256: string): void {
      const doc = ready(sha256);
      doc.outline();
      doc.folded();
    },
  };
}

export type CitationChecker = ReturnType<typeof createCitationChecker>;
