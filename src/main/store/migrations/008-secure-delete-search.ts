import type { Migration } from '../migrate';

const FTS_TABLES = ['answers_fts', 'documents_fts', 'pages_fts'] as const;

/**
 * A deleted document or analysis leaves no words behind in the full-text
 * index. FTS5 by default marks a deleted row's words as gone and keeps them in
 * the index until a merge; with `secure-delete` it removes them at once
 * (PRAGMA secure_delete, set on every connection, zeroes the freed pages).
 * `optimize` rewrites the index, so what was deleted before this migration
 * goes too.
 */
export const m008SecureDeleteSearch: Migration = {
  version: 8,
  name: 'secure delete in the search index',
  up(db) {
    for (const table of FTS_TABLES) {
      db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('secure-delete', 1)`);
      db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
    }
  },
};
