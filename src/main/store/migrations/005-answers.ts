import type { Migration } from '../migrate';

/**
 * Every question asked and its answer, written when the request starts and
 * flushed while it streams. Provider and model are copied, not referenced, so
 * an answer outlives the provider that gave it.
 */
export const m005Answers: Migration = {
  version: 5,
  name: 'answers',
  up(db) {
    db.exec(`
      CREATE TABLE answers (
        id                  TEXT PRIMARY KEY,
        question            TEXT NOT NULL,
        provider_id         TEXT NOT NULL,
        provider_name       TEXT NOT NULL,
        model               TEXT NOT NULL,
        status              TEXT NOT NULL
                            CHECK (status IN ('streaming', 'done', 'stopped', 'failed', 'interrupted')),
        text                TEXT NOT NULL DEFAULT '',
        input_tokens        INTEGER,
        cached_input_tokens INTEGER,
        output_tokens       INTEGER,
        estimated_input     INTEGER NOT NULL,
        cost                REAL,
        currency            TEXT NOT NULL,
        ttft_ms             INTEGER,
        latency_ms          INTEGER,
        error_code          TEXT,
        error_message       TEXT,
        created_at          INTEGER NOT NULL,
        updated_at          INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX answers_by_created_at ON answers (created_at DESC);
      CREATE INDEX answers_streaming ON answers (status) WHERE status = 'streaming';

      CREATE TABLE answer_documents (
        answer_id       TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        document_sha256 TEXT NOT NULL REFERENCES documents (sha256),
        PRIMARY KEY (answer_id, position)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
