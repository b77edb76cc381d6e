import type { Migration } from '../migrate';

/**
 * Full-text search over questions, answers, document names and page text, and
 * the answer cache.
 *
 * FTS5 with `unicode61 remove_diacritics 2` folds Vietnamese tone and vowel
 * marks, so "phat vi pham" finds "phạt vi phạm"; "đ" is a letter of its own,
 * which the query side handles (search/fts-query.ts). An answer is indexed
 * when it stops streaming rather than at every flush, so a streaming answer
 * costs no index work each second.
 */
export const m006SearchAndCache: Migration = {
  version: 6,
  name: 'search and answer cache',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE answers_fts USING fts5(
        answer_id UNINDEXED, question, text, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        document_sha256 UNINDEXED, name, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE pages_fts USING fts5(
        document_sha256 UNINDEXED, page UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER answers_indexed AFTER UPDATE OF status ON answers
        WHEN old.status = 'streaming' AND new.status <> 'streaming'
      BEGIN
        INSERT INTO answers_fts (answer_id, question, text) VALUES (new.id, new.question, new.text);
      END;
      CREATE TRIGGER answers_unindexed AFTER DELETE ON answers BEGIN
        DELETE FROM answers_fts WHERE answer_id = old.id;
      END;
      CREATE TRIGGER documents_indexed AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (document_sha256, name) VALUES (new.sha256, new.name);
      END;
      CREATE TRIGGER documents_unindexed AFTER DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE document_sha256 = old.sha256;
      END;
      CREATE TRIGGER pages_indexed AFTER INSERT ON document_pages BEGIN
        INSERT INTO pages_fts (document_sha256, page, text) VALUES (new.document_sha256, new.page, new.text);
      END;
      CREATE TRIGGER pages_unindexed AFTER DELETE ON document_pages BEGIN
        DELETE FROM pages_fts WHERE document_sha256 = old.document_sha256 AND page = old.page;
      END;

      -- What was already in the database before search existed.
      INSERT INTO answers_fts (answer_id, question, text) SELECT id, question, text FROM answers WHERE status <> 'streaming';
      INSERT INTO documents_fts (document_sha256, name) SELECT sha256, name FROM documents;
      INSERT INTO pages_fts (document_sha256, page, text) SELECT document_sha256, page, text FROM document_pages;

      -- The same question (normalised) on the same documents with the same model has the same key.
      ALTER TABLE answers ADD COLUMN cache_key TEXT;
      CREATE INDEX answers_by_cache_key ON answers (cache_key, created_at DESC) WHERE cache_key IS NOT NULL;
      CREATE TABLE cache_hits (
        answer_id  TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        hit_at     INTEGER NOT NULL,
        saved_cost REAL NOT NULL
      ) STRICT;
    `);
  },
};
