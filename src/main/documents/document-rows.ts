import type { DocumentDetail, DocumentSummary, IngestWarning } from '../../shared/documents';
import type { Language } from '../../shared/language';
import type { Db } from '../store/database';
import type { Extraction } from './extract';

interface DocumentRow {
  sha256: string;
  name: string;
  kind: DocumentSummary['kind'];
  size_bytes: number;
  pages: number | null;
  chars: number;
  language: Language;
  tokens_o200k: number;
  tokens_cl100k: number;
  pages_without_text: string;
  warnings: string;
  running_lines: string;
  extraction_ms: number;
  matter_id: string | null;
  created_at: number;
}

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    sha256: row.sha256,
    name: row.name,
    kind: row.kind,
    sizeBytes: row.size_bytes,
    pages: row.pages,
    chars: row.chars,
    language: row.language,
    tokens: { o200k_base: row.tokens_o200k, cl100k_base: row.tokens_cl100k },
    pagesWithoutText: JSON.parse(row.pages_without_text) as number[],
    warnings: JSON.parse(row.warnings) as IngestWarning[],
    extractionMs: row.extraction_ms,
    matterId: row.matter_id,
    createdAt: row.created_at,
  };
}

export interface NewDocument {
  sha256: string;
  name: string;
  sizeBytes: number;
  extraction: Extraction;
  extractionMs: number;
  createdAt: number;
}

/** The documents tables, as SQL with parameters. */
export function createDocumentRows(db: Db) {
  const selectOne = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE sha256 = ?');
  const selectAll = db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY created_at DESC, name');
  const selectPages = db.prepare<
    [string],
    { page: number; start: number; text: string; o200k: number | null; cl100k: number | null }
  >(
    `SELECT page, start_offset AS start, text, tokens_o200k AS o200k, tokens_cl100k AS cl100k
       FROM document_pages WHERE document_sha256 = ? ORDER BY page`,
  );
  const insertDocument = db.prepare(
    `INSERT INTO documents (sha256, name, kind, size_bytes, pages, chars, language, tokens_o200k, tokens_cl100k,
       pages_without_text, warnings, running_lines, extraction_ms, created_at)
     VALUES (@sha256, @name, @kind, @sizeBytes, @pages, @chars, @language, @o200k, @cl100k,
       @pagesWithoutText, @warnings, @runningLines, @extractionMs, @createdAt)`,
  );
  const insertPage = db.prepare(
    `INSERT INTO document_pages (document_sha256, page, start_offset, text, tokens_o200k, tokens_cl100k)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );

  // The document and all its pages, or nothing.
  const insert = db.transaction((doc: NewDocument) => {
    const { extraction: x } = doc;
    insertDocument.run({
      sha256: doc.sha256,
      name: doc.name,
      kind: x.kind,
      sizeBytes: doc.sizeBytes,
      pages: x.pages,
      chars: x.chars,
      language: x.language,
      o200k: x.tokens.o200k_base,
      cl100k: x.tokens.cl100k_base,
      pagesWithoutText: JSON.stringify(x.pagesWithoutText),
      warnings: JSON.stringify(x.warnings),
      runningLines: JSON.stringify(x.runningLines),
      extractionMs: doc.extractionMs,
      createdAt: doc.createdAt,
    });
    for (const page of x.pageTexts) {
      insertPage.run(doc.sha256, page.page, page.start, page.text, page.tokens.o200k_base, page.tokens.cl100k_base);
    }
  });

  return {
    insert,
    summary(sha256: string): DocumentSummary | undefined {
      const row = selectOne.get(sha256);
      return row && toSummary(row);
    },
    detail(sha256: string): DocumentDetail | undefined {
      const row = selectOne.get(sha256);
      if (!row) return undefined;
      return {
        ...toSummary(row),
        pageTexts: selectPages.all(sha256).map(({ o200k, cl100k, ...page }) => ({
          ...page,
          // Pages stored before they were counted (migration 012) have none.
          tokens: o200k === null || cl100k === null ? null : { o200k_base: o200k, cl100k_base: cl100k },
        })),
        runningLines: JSON.parse(row.running_lines) as string[],
      };
    },
    list: (): DocumentSummary[] => selectAll.all().map(toSummary),
  };
}
