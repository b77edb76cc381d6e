import type Database from 'better-sqlite3';

/** A minimal documents row, for migration tests that need one to point at. */
export function insertDocumentRow(db: Database.Database, sha256: string): void {
  db.prepare(
    `INSERT INTO documents (sha256, name, kind, size_bytes, pages, chars, language, tokens_o200k, tokens_cl100k,
       extraction_ms, created_at) VALUES (?, 'hop-dong.pdf', 'pdf', 100, 2, 40, 'vi', 10, 15, 5, 1)`,
  ).run(sha256);
}

/** A minimal providers row. */
export function insertProviderRow(db: Database.Database, id: string): void {
  db.prepare(
    "INSERT INTO providers (id, kind, name, base_url, created_at, updated_at) VALUES (?, 'openai', 'P', 'http://x', 1, 1)",
  ).run(id);
}
