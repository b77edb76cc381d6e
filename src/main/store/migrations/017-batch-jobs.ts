import type { Migration } from '../migrate';

/**
 * Batch review: a job (a set of questions for many documents, on one model)
 * and its items (one a document, asked in one request), and the lawyer's own
 * marks and corrections of a cell, kept apart from the model's answer. An
 * item is `running` only while its request is out: one found so at start was
 * cut short by a crash, and is asked again; one `done` never is. A provider
 * call of a batch names its job and item. A job keeps its spend so far, so
 * its state is read without summing its items; an item read by passages
 * (a document past the model's window) keeps its coverage.
 */
export const m017BatchJobs: Migration = {
  version: 17,
  name: 'batch-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE batch_jobs (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        provider_id    TEXT NOT NULL,
        model          TEXT NOT NULL,
        language       TEXT NOT NULL CHECK (language IN ('vi', 'en')),
        questions      TEXT NOT NULL CHECK (json_valid(questions)),
        status         TEXT NOT NULL CHECK (status IN ('running', 'paused', 'cancelled', 'done')),
        paused_reason  TEXT CHECK (paused_reason IN ('user', 'budget', 'provider-failing', 'provider-refused')),
        concurrency    INTEGER NOT NULL CHECK (concurrency > 0),
        fresh          INTEGER NOT NULL DEFAULT 0 CHECK (fresh IN (0, 1)),
        budget         REAL CHECK (budget IS NULL OR budget > 0),
        estimated_cost REAL NOT NULL CHECK (estimated_cost >= 0),
        spent          REAL NOT NULL DEFAULT 0 CHECK (spent >= 0),
        currency       TEXT NOT NULL,
        matter_id      TEXT REFERENCES matters (id) ON DELETE SET NULL,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE batch_items (
        job_id              TEXT NOT NULL REFERENCES batch_jobs (id) ON DELETE CASCADE,
        position            INTEGER NOT NULL CHECK (position >= 0),
        document_sha256     TEXT NOT NULL REFERENCES documents (sha256),
        status              TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
        attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        estimated_input     INTEGER NOT NULL CHECK (estimated_input >= 0),
        cells               TEXT CHECK (cells IS NULL OR json_valid(cells)),
        coverage            TEXT CHECK (coverage IS NULL OR json_valid(coverage)),
        cost                REAL NOT NULL DEFAULT 0 CHECK (cost >= 0),
        from_cache          INTEGER NOT NULL DEFAULT 0 CHECK (from_cache IN (0, 1)),
        cache_key           TEXT NOT NULL,
        error_code          TEXT,
        error_message       TEXT,
        updated_at          INTEGER NOT NULL,
        PRIMARY KEY (job_id, position)
      ) STRICT;
      -- Counts by status, and the next item to ask: the fewest attempts first, so one that failed waits its turn.
      CREATE INDEX batch_items_by_status ON batch_items (job_id, status, attempts, position);
      CREATE INDEX batch_items_answered ON batch_items (cache_key) WHERE status = 'done';
      CREATE TABLE batch_reviews (
        job_id      TEXT NOT NULL,
        position    INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        mark        TEXT CHECK (mark IN ('checked', 'flagged')),
        correction  TEXT,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (job_id, position, question_id),
        FOREIGN KEY (job_id, position) REFERENCES batch_items (job_id, position) ON DELETE CASCADE
      ) STRICT;
      ALTER TABLE provider_calls ADD COLUMN batch_job_id TEXT REFERENCES batch_jobs (id) ON DELETE CASCADE;
      ALTER TABLE provider_calls ADD COLUMN batch_position INTEGER;
      CREATE INDEX provider_calls_by_batch ON provider_calls (batch_job_id, batch_position) WHERE batch_job_id IS NOT NULL;
    `);
  },
};
