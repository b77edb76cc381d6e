import type { HistoryItem, HistoryPage, SearchHit } from '../../shared/history';
import { HIT_END, HIT_START } from '../../shared/history';
import type { Db } from '../store/database';
import { toFtsQuery } from './fts-query';
import { plainSnippet } from './plain-snippet';

export interface HistoryService {
  /** Past analyses, newest first: all of them, a matter's (its id) or those in no matter (null). */
  page(limit: number, offset: number, matterId?: string | null): HistoryPage;
  /** One analysis's row, as a page lists it. */
  item(answerId: string): HistoryItem | undefined;
  /** Questions, answers, document names and page text matching a query typed with or without diacritics. */
  search(query: string, limit: number): SearchHit[];
}

// A dozen words either side of a hit: enough to judge it without opening it.
// Hits come newest first, as the history list does, rather than by bm25 relevance: ranking every match cost
// 21 ms on 10,000 answers that all matched, newest-first with snippets 5 ms (bench/history.ts).
const SNIPPET_TOKENS = 24;

const columns = `a.id AS answerId, a.question, a.status, a.finish_reason AS finishReason, a.provider_name AS providerName, a.model, a.cost,
            a.currency, a.created_at AS createdAt, a.matter_id AS matterId,
            COALESCE((SELECT d.name FROM answer_documents ad JOIN documents d ON d.sha256 = ad.document_sha256
                      WHERE ad.answer_id = a.id ORDER BY ad.position LIMIT 1), '') AS documentName,
            (SELECT count(*) FROM answer_documents ad WHERE ad.answer_id = a.id) AS documentCount`;

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
  const searchAnswers = db.prepare<[string, number], { answerId: string; title: string; snippet: string }>(
    `SELECT answer_id AS answerId, question AS title, ${snippet('answers_fts', -1)} AS snippet
       FROM answers_fts WHERE answers_fts MATCH ? ORDER BY rowid DESC LIMIT ?`,
  );
  const searchDocuments = db.prepare<[string, number], { sha256: string; title: string; snippet: string }>(
    `SELECT document_sha256 AS sha256, name AS title, ${snippet('documents_fts', 1)} AS snippet
       FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?`,
  );
  const searchPages = db.prepare<[string, number], { sha256: string; page: number; title: string; snippet: string }>(
    `SELECT p.document_sha256 AS sha256, p.page, d.name AS title, ${snippet('pages_fts', 2)} AS snippet
       FROM pages_fts p JOIN documents d ON d.sha256 = p.document_sha256
      WHERE pages_fts MATCH ? ORDER BY p.rowid DESC LIMIT ?`,
  );

  return {
    page(limit, offset, matterId) {
      if (matterId === undefined) return { items: selectAll.all({ limit, offset }), total: countAll.get()?.n ?? 0 };
      const matter = { matter: matterId };
      return { items: selectMatter.all({ ...matter, limit, offset }), total: countMatter.get(matter)?.n ?? 0 };
    },
    item: (answerId) => selectOne.get(answerId),
    search(query, limit) {
      const fts = toFtsQuery(query);
      if (!fts) return [];
      return [
        // An answer is Markdown; its snippet is shown as text.
        ...searchAnswers
          .all(fts, limit)
          .map((hit) => ({ kind: 'answer' as const, ...hit, snippet: plainSnippet(hit.snippet) })),
        ...searchDocuments.all(fts, limit).map((hit) => ({ kind: 'document' as const, ...hit })),
        ...searchPages.all(fts, limit).map((hit) => ({ kind: 'page' as const, ...hit })),
      ].slice(0, limit);
    },
  };
}
