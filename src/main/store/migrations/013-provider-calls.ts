import type { Migration } from '../migrate';

/**
 * One row for every request that went to a provider: which answer it served
 * and in what role (a single question, a part of a map-reduce answer, the
 * joining request, a follow-up; batch items later), the tokens and cost as
 * the provider reported them or as estimated, how long it took and how it
 * ended. An answer's cost is the sum of its calls; the cost dashboard and the
 * ledger of what left the machine read these rows. The answers there already
 * were get one row each, from what they stored.
 */
export const m013ProviderCalls: Migration = {
  version: 13,
  name: 'provider-calls',
  up(db) {
    db.exec(`
      CREATE TABLE provider_calls (
        id                  TEXT PRIMARY KEY,
        answer_id           TEXT REFERENCES answers (id) ON DELETE CASCADE,
        role                TEXT NOT NULL CHECK (role IN ('single', 'map', 'reduce', 'follow-up', 'batch')),
        chunk_index         INTEGER CHECK (chunk_index IS NULL OR chunk_index >= 0),
        provider_id         TEXT NOT NULL,
        model               TEXT NOT NULL,
        host                TEXT NOT NULL,
        input_tokens        INTEGER NOT NULL CHECK (input_tokens >= 0),
        cached_input_tokens INTEGER NOT NULL CHECK (cached_input_tokens >= 0),
        output_tokens       INTEGER NOT NULL CHECK (output_tokens >= 0),
        cost                REAL NOT NULL CHECK (cost >= 0),
        currency            TEXT NOT NULL,
        reported            INTEGER NOT NULL CHECK (reported IN (0, 1)),
        status              TEXT NOT NULL CHECK (status IN ('done', 'stopped', 'failed')),
        error_code          TEXT,
        error_message       TEXT,
        ttft_ms             INTEGER,
        latency_ms          INTEGER,
        started_at          INTEGER NOT NULL,
        ended_at            INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX provider_calls_by_answer ON provider_calls (answer_id);
      CREATE INDEX provider_calls_by_time ON provider_calls (started_at);

      INSERT INTO provider_calls (id, answer_id, role, chunk_index, provider_id, model, host, input_tokens,
          cached_input_tokens, output_tokens, cost, currency, reported, status, error_code, error_message,
          ttft_ms, latency_ms, started_at, ended_at)
        SELECT 'answer-' || id, id, CASE WHEN follows IS NULL THEN 'single' ELSE 'follow-up' END, NULL,
               provider_id, model, '', COALESCE(input_tokens, estimated_input), COALESCE(cached_input_tokens, 0),
               COALESCE(output_tokens, 0), COALESCE(cost, 0), currency, input_tokens IS NOT NULL,
               CASE status WHEN 'interrupted' THEN 'stopped' ELSE status END, error_code, error_message,
               ttft_ms, latency_ms, created_at, updated_at
          FROM answers
         WHERE status IN ('done', 'stopped', 'failed', 'interrupted');
    `);
  },
};
