import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 9: why the model stopped', () => {
  it('keeps the answers there were, with no reason, and takes one for the next', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 8);
    const insert = db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, estimated_input, currency,
         created_at, updated_at) VALUES (?, 'q', 'kimi', 'Kimi', 'k', 'done', 'Theo Điều 8', 10, 'USD', 1, 1)`,
    );
    insert.run('before');
    migrate(db, migrations, 9);
    insert.run('after');
    db.prepare("UPDATE answers SET finish_reason = 'length' WHERE id = 'after'").run();
    expect(db.prepare('SELECT id, text, finish_reason FROM answers ORDER BY id').all()).toEqual([
      { id: 'after', text: 'Theo Điều 8', finish_reason: 'length' },
      { id: 'before', text: 'Theo Điều 8', finish_reason: null },
    ]);
  });
});
