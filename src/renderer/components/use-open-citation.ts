import { type Citation, citedDocument } from '../../shared/citations';
import { useDocuments } from '../stores/documents-store';

export type CitationLink = Pick<Citation, 'document' | 'page' | 'clause'>;

/** What a click on a citation does: the cited document (of the answer's own) opens beside it, at the cited place. */
export function useOpenCitation(documentIds: readonly string[]): (citation: CitationLink) => void {
  const documents = useDocuments((state) => state.documents);
  const open = useDocuments((state) => state.open);
  return (citation) => {
    const own = documentIds.flatMap((sha256) => documents.filter((doc) => doc.sha256 === sha256));
    const cited = citedDocument(citation, own);
    if (cited) open(cited.sha256, { page: citation.page, clause: citation.clause });
  };
}
