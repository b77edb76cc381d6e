import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 10: follow-up questions', () => {
  it('keeps the answers there were as first questions, and lets a later one follow an earlier one', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 9);
    const insert = db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, estimated_input, currency,
         created_at, updated_at) VALUES (?, 'q', 'kimi', 'Kimi', 'k', 'done', 'Theo Điều 8', 10, 'USD', 1, 1)`,
    );
    insert.run('first');
    migrate(db, migrations, 10);
    insert.run('second');
    db.prepare("UPDATE answers SET follows = 'first' WHERE id = 'second'").run();
    expect(db.prepare('SELECT id, follows FROM answers ORDER BY id').all()).toEqual([
      { id: 'first', follows: null },
      { id: 'second', follows: 'first' },
    ]);
    // The first deleted, the second stays, the start of what is left of the thread.
    db.prepare("DELETE FROM answers WHERE id = 'first'").run();
    expect(db.prepare('SELECT id, follows FROM answers').all()).toEqual([{ id: 'second', follows: null }]);
  });
});
