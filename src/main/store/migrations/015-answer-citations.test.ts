import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 15: an answer’s citations as checked', () => {
  it('leaves the answers there were unchecked, and keeps the checks as JSON only', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 14);
    db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, estimated_input, currency,
         created_at, updated_at) VALUES ('a', 'Phạt?', 'kimi', 'Kimi', 'kimi-k2', 'done', 10, 'USD', 1, 1)`,
    ).run();
    migrate(db, migrations, 15);
    expect(db.prepare('SELECT citations FROM answers').get()).toEqual({ citations: null });
    db.prepare(`UPDATE answers SET citations = '[{"verdict":"verified"}]'`).run();
    expect(() => db.prepare("UPDATE answers SET citations = 'verified'").run()).toThrow(/CHECK/);
  });
});
