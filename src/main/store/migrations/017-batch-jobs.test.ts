import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 17: batch jobs, their items and the lawyer’s marks', () => {
  it('keeps the calls there were, refuses an item in no known state, and takes a job’s items with it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 16);
    db.exec(`INSERT INTO provider_calls (id, role, provider_id, model, host, input_tokens, cached_input_tokens,
               output_tokens, cost, currency, reported, status, started_at, ended_at)
             VALUES ('old', 'single', 'kimi', 'kimi-k2', 'api.moonshot.ai', 10, 0, 5, 0.01, 'USD', 1, 'done', 1, 2)`);
    migrate(db, migrations, 17);
    expect(db.prepare('SELECT id, batch_job_id, batch_position FROM provider_calls').all()).toEqual([
      { id: 'old', batch_job_id: null, batch_position: null },
    ]);
    db.prepare(
      `INSERT INTO documents (sha256, name, kind, size_bytes, pages, chars, language, tokens_o200k, tokens_cl100k,
         pages_without_text, warnings, running_lines, extraction_ms, created_at)
       VALUES (?, 'Hợp đồng.txt', 'text', 10, NULL, 20, 'vi', 8, 12, '[]', '[]', '[]', 5, 1)`,
    ).run('a'.repeat(64));
    db.exec(`INSERT INTO batch_jobs (id, name, provider_id, model, language, questions, status, concurrency,
               estimated_cost, currency, created_at, updated_at)
             VALUES ('job', 'Phòng dữ liệu', 'kimi', 'kimi-k2', 'vi', '[]', 'running', 4, 0.5, 'USD', 1, 1)`);
    const item = (status: string) =>
      db.exec(`INSERT INTO batch_items (job_id, position, document_sha256, status, estimated_input, cache_key, updated_at)
               VALUES ('job', ${status === 'pending' ? 0 : 1}, '${'a'.repeat(64)}', '${status}', 100, 'k', 1)`);
    item('pending');
    expect(() => item('half-done')).toThrow(/CHECK/);
    db.exec(
      "INSERT INTO batch_reviews (job_id, position, question_id, mark, updated_at) VALUES ('job', 0, 'q', 'flagged', 1)",
    );
    db.exec(`INSERT INTO provider_calls (id, role, provider_id, model, host, input_tokens, cached_input_tokens,
               output_tokens, cost, currency, reported, status, started_at, ended_at, batch_job_id, batch_position)
             VALUES ('new', 'batch', 'kimi', 'kimi-k2', 'api.moonshot.ai', 10, 0, 5, 0.01, 'USD', 1, 'done', 1, 2, 'job', 0)`);
    db.exec("DELETE FROM batch_jobs WHERE id = 'job'");
    expect(db.prepare('SELECT count(*) AS n FROM batch_items').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM batch_reviews').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT id FROM provider_calls').all()).toEqual([{ id: 'old' }]);
  });
});
