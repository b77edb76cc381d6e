import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { insertDocumentRow } from '../testing/rows';
import { migrations } from '.';

const SHA = '7'.repeat(64);

describe('migration 7: matters', () => {
  it('adds matters; analyses go with their matter, documents are only let go', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 6);
    insertDocumentRow(db, SHA);

    migrate(db, migrations, 7);

    expect(db.prepare('SELECT matter_id FROM documents').get()).toEqual({ matter_id: null });
    db.prepare("INSERT INTO matters (id, name, created_at, updated_at) VALUES ('m1', 'Vụ việc Công ty A', 1, 1)").run();
    db.prepare("UPDATE documents SET matter_id = 'm1'").run();
    db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, estimated_input, currency,
         matter_id, created_at, updated_at) VALUES ('a1', 'q', 'p', 'P', 'm', 'done', 1, 'USD', 'm1', 1, 1)`,
    ).run();
    db.prepare("DELETE FROM matters WHERE id = 'm1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT matter_id FROM documents').get()).toEqual({ matter_id: null });
    expect(() =>
      db.prepare("INSERT INTO matters (id, name, created_at, updated_at) VALUES ('m2', '  ', 1, 1)").run(),
    ).toThrow(/CHECK/);
  });
});
