import type { Migration } from '../migrate';

/**
 * Ingested documents, keyed by the SHA-256 of their bytes (the original file
 * is kept under that name beside the database), with the text of each page
 * and the offset where it starts in the whole text.
 */
export const m003Documents: Migration = {
  version: 3,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        sha256             TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        name               TEXT NOT NULL,
        kind               TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'text')),
        size_bytes         INTEGER NOT NULL CHECK (size_bytes > 0),
        pages              INTEGER CHECK (pages IS NULL OR pages > 0),
        chars              INTEGER NOT NULL,
        language           TEXT NOT NULL CHECK (language IN ('vi', 'en')),
        tokens_o200k       INTEGER NOT NULL,
        tokens_cl100k      INTEGER NOT NULL,
        pages_without_text TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pages_without_text)),
        warnings           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
        running_lines      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(running_lines)),
        extraction_ms      INTEGER NOT NULL,
        created_at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX documents_by_created_at ON documents (created_at DESC);

      CREATE TABLE document_pages (
        document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
        page            INTEGER NOT NULL CHECK (page > 0),
        start_offset    INTEGER NOT NULL CHECK (start_offset >= 0),
        text            TEXT NOT NULL,
        PRIMARY KEY (document_sha256, page)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
