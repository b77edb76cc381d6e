import type { CitationCheck } from '../../shared/answers';
import { type Citation, citedDocument } from '../../shared/citations';
import { useDocuments } from '../stores/documents-store';

/** A citation clicked: as the model wrote it, or (from its check) with the document it was checked against. */
export type CitationLink = Pick<Citation, 'document' | 'documentIndex' | 'page' | 'clause'> & { sha256?: string };

/**
 * What a click on a citation does: the cited document (of the answer's own)
 * opens beside it, at the cited place; where the citation was checked and its
 * quote found, at the quote, marked (on the page it really stands on).
 */
export function useOpenCitation(
  documentIds: readonly string[],
  checks: readonly CitationCheck[] | null = null,
): (citation: CitationLink) => void {
  const documents = useDocuments((state) => state.documents);
  const open = useDocuments((state) => state.open);
  return (citation) => {
    const own = documentIds.flatMap((sha256) => documents.filter((doc) => doc.sha256 === sha256));
    const cited =
      (citation.sha256 && own.find((doc) => doc.sha256 === citation.sha256)) || citedDocument(citation, own);
    if (!cited) return;
    const check = checks?.find(
      (c) => c.document === cited.sha256 && c.page === citation.page && c.clause === citation.clause && c.quote,
    );
    if (check?.range) {
      open(cited.sha256, { page: check.foundPages[0] ?? citation.page, range: check.range });
      return;
    }
    open(cited.sha256, { page: citation.page, clause: citation.clause });
  };
}
