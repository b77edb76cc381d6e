import type { HistoryItem, HistoryPage, SearchFilter, SearchHit } from '../../shared/history';
import { HIT_END, HIT_START } from '../../shared/history';
import type { Db } from '../store/database';
import { toFtsQuery } from './fts-query';
import { plainSnippet } from './plain-snippet';

export interface HistoryService {
  /** Past analyses, newest first: all of them, a matter's (its id) or those in no matter (null). */
  page(limit: number, offset: number, matterId?: string | null): HistoryPage;
  /** One analysis's row, as a page lists it. */
  item(answerId: string): HistoryItem | undefined;
  /**
   * Questions, answers, document names and page text matching a query typed
   * with or without diacritics, newest first; `filter` narrows it to a kind,
   * a document or a matter.
   */
  search(query: string, limit: number, filter?: SearchFilter): SearchHit[];
}

// A dozen words either side of a hit: enough to judge it without opening it.
// Hits come newest first, as the history list does, rather than by bm25 relevance: ranking every match cost
// 21 ms on 10,000 answers that all matched, newest-first with snippets 5 ms (bench/history.ts).
const SNIPPET_TOKENS = 24;

interface SearchParameters {
  fts: string;
  limit: number;
  doc: string | null;
  anyMatter: 0 | 1;
  matter: string | null;
}

const columns = `a.id AS answerId, a.question, a.status, a.finish_reason AS finishReason, a.provider_name AS providerName, a.model, a.cost,
            a.currency, a.created_at AS createdAt, a.matter_id AS matterId,
            COALESCE((SELECT d.name FROM answer_documents ad JOIN documents d ON d.sha256 = ad.document_sha256
                      WHERE ad.answer_id = a.id ORDER BY ad.position LIMIT 1), '') AS documentName,
            (SELECT count(*) FROM answer_documents ad WHERE ad.answer_id = a.id) AS documentCount,
            json_extract(a.plan, '$.strategy') AS readBy,
            CASE WHEN a.plan IS NULL THEN NULL
                 WHEN json_array_length(a.plan, '$.failedParts') > 0
                   OR json_extract(a.plan, '$.coverage.charsSent') < json_extract(a.plan, '$.coverage.chars') THEN 'partial'
                 ELSE 'full' END AS coverage`;

/** The history's reads, each through an index (query-plans.test.ts holds them to it). */
export const historyQueries = {
  // Two statements rather than one with an OR, so that a matter's page (or the unfiled one) is read through the
  // answers_by_matter index: with `@all = 1 OR ...` SQLite walked every answer, 57 ms for one matter's first page.
  page: `SELECT ${columns} FROM answers a ORDER BY a.created_at DESC, a.id LIMIT @limit OFFSET @offset`,
  // `IS` matches a matter id, or NULL for the analyses in no matter.
  matterPage: `SELECT ${columns} FROM answers a WHERE a.matter_id IS @matter
      ORDER BY a.created_at DESC, a.id LIMIT @limit OFFSET @offset`,
  item: `SELECT ${columns} FROM answers a WHERE a.id = ?`,
  count: 'SELECT count(*) AS n FROM answers',
  matterCount: 'SELECT count(*) AS n FROM answers WHERE matter_id IS @matter',
} as const;

export function createHistoryService(db: Db): HistoryService {
  const selectAll = db.prepare<[{ limit: number; offset: number }], HistoryItem>(historyQueries.page);
  const selectMatter = db.prepare<[{ matter: string | null; limit: number; offset: number }], HistoryItem>(
    historyQueries.matterPage,
  );
  const selectOne = db.prepare<[string], HistoryItem>(historyQueries.item);
  const countAll = db.prepare<[], { n: number }>(historyQueries.count);
  const countMatter = db.prepare<[{ matter: string | null }], { n: number }>(historyQueries.matterCount);
  const snippet = (table: string, column: number) =>
    `snippet(${table}, ${column}, '${HIT_START}', '${HIT_END}', '…', ${SNIPPET_TOKENS})`;
  // Each narrowed by a document (@doc) and a matter (@anyMatter = 1 for all, else `IS @matter`, NULL for none).
  const searchAnswers = db.prepare<[SearchParameters], { answerId: string; title: string; snippet: string }>(
    `SELECT answers_fts.answer_id AS answerId, answers_fts.question AS title, ${snippet('answers_fts', -1)} AS snippet
       FROM answers_fts JOIN answers a ON a.id = answers_fts.answer_id
      WHERE answers_fts MATCH @fts AND (@anyMatter = 1 OR a.matter_id IS @matter)
        AND (@doc IS NULL OR EXISTS (SELECT 1 FROM answer_documents ad
                                      WHERE ad.answer_id = a.id AND ad.document_sha256 = @doc))
      ORDER BY answers_fts.rowid DESC LIMIT @limit`,
  );
  const searchDocuments = db.prepare<[SearchParameters], { sha256: string; title: string; snippet: string }>(
    `SELECT documents_fts.document_sha256 AS sha256, documents_fts.name AS title, ${snippet('documents_fts', 1)} AS snippet
       FROM documents_fts JOIN documents d ON d.sha256 = documents_fts.document_sha256
      WHERE documents_fts MATCH @fts AND (@anyMatter = 1 OR d.matter_id IS @matter)
        AND (@doc IS NULL OR d.sha256 = @doc)
      ORDER BY documents_fts.rowid DESC LIMIT @limit`,
  );
  const searchPages = db.prepare<[SearchParameters], { sha256: string; page: number; title: string; snippet: string }>(
    `SELECT p.document_sha256 AS sha256, p.page, d.name AS title, ${snippet('pages_fts', 2)} AS snippet
       FROM pages_fts p JOIN documents d ON d.sha256 = p.document_sha256
      WHERE pages_fts MATCH @fts AND (@anyMatter = 1 OR d.matter_id IS @matter)
        AND (@doc IS NULL OR p.document_sha256 = @doc)
      ORDER BY p.rowid DESC LIMIT @limit`,
  );

  return {
    page(limit, offset, matterId) {
      if (matterId === undefined) return { items: selectAll.all({ limit, offset }), total: countAll.get()?.n ?? 0 };
      const matter = { matter: matterId };
      return { items: selectMatter.all({ ...matter, limit, offset }), total: countMatter.get(matter)?.n ?? 0 };
    },
    item: (answerId) => selectOne.get(answerId),
    search(query, limit, filter = {}) {
      const fts = toFtsQuery(query);
      if (!fts) return [];
      const parameters: SearchParameters = {
        fts,
        limit,
        doc: filter.documentId ?? null,
        anyMatter: filter.matterId === undefined ? 1 : 0,
        matter: filter.matterId ?? null,
      };
      const wanted = (kind: SearchHit['kind']) => filter.kind === undefined || filter.kind === kind;
      return [
        // An answer is Markdown; its snippet is shown as text.
        ...(wanted('answer') ? searchAnswers.all(parameters) : []).map((hit) => ({
          kind: 'answer' as const,
          ...hit,
          snippet: plainSnippet(hit.snippet),
        })),
        ...(wanted('document') ? searchDocuments.all(parameters) : []).map((hit) => ({
          kind: 'document' as const,
          ...hit,
        })),
        ...(wanted('page') ? searchPages.all(parameters) : []).map((hit) => ({ kind: 'page' as const, ...hit })),
      ].slice(0, limit);
    },
  };
}
