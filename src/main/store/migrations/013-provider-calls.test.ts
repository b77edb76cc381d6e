import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 13: one record a provider call', () => {
  it('gives each finished answer there was one call, reported or estimated, and none to one still streaming', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 12);
    const insert = db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, input_tokens,
         cached_input_tokens, output_tokens, estimated_input, cost, currency, follows, created_at, updated_at)
       VALUES (?, 'Phạt?', 'kimi', 'Kimi', 'kimi-k2', ?, 'Điều 8', ?, ?, ?, 5000, ?, 'USD', ?, 10, 20)`,
    );
    insert.run('reported', 'done', 4800, 1000, 120, 0.004, null);
    insert.run('follow', 'done', 5100, 4800, 40, 0.001, 'reported');
    insert.run('estimated', 'interrupted', null, null, null, 0.003, null);
    insert.run('live', 'streaming', null, null, null, null, null);
    migrate(db, migrations, 13);
    expect(
      db
        .prepare(
          `SELECT answer_id, role, input_tokens, cached_input_tokens, output_tokens, cost, reported, status
             FROM provider_calls ORDER BY answer_id`,
        )
        .all(),
    ).toEqual([
      {
        answer_id: 'estimated',
        role: 'single',
        input_tokens: 5000,
        cached_input_tokens: 0,
        output_tokens: 0,
        cost: 0.003,
        reported: 0,
        status: 'stopped',
      },
      {
        answer_id: 'follow',
        role: 'follow-up',
        input_tokens: 5100,
        cached_input_tokens: 4800,
        output_tokens: 40,
        cost: 0.001,
        reported: 1,
        status: 'done',
      },
      {
        answer_id: 'reported',
        role: 'single',
        input_tokens: 4800,
        cached_input_tokens: 1000,
        output_tokens: 120,
        cost: 0.004,
        reported: 1,
        status: 'done',
      },
    ]);
    // An answer's calls go with it.
    db.prepare("DELETE FROM answers WHERE id = 'follow'").run();
    expect(db.prepare('SELECT count(*) AS n FROM provider_calls').get()).toEqual({ n: 2 });
    expect(() =>
      db
        .prepare(
          `INSERT INTO provider_calls (id, role, provider_id, model, host, input_tokens, cached_input_tokens,
             output_tokens, cost, currency, reported, status, started_at, ended_at)
           VALUES ('x', 'guess', 'kimi', 'kimi-k2', 'api.moonshot.ai', 1, 0, 1, 0, 'USD', 1, 'done', 1, 2)`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
