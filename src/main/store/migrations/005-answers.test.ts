import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { insertDocumentRow, insertProviderRow } from '../testing/rows';
import { migrations } from '.';

const SHA = 'd'.repeat(64);

function insertAnswer(db: Database.Database, status: string) {
  db.prepare(
    `INSERT INTO answers (id, question, provider_id, provider_name, model, status, estimated_input, currency,
       created_at, updated_at) VALUES ('a1', 'Điều khoản phạt?', 'deepseek', 'DeepSeek', 'deepseek-chat', ?, 1000,
       'USD', 1, 1)`,
  ).run(status);
}

describe('migration 5: answers', () => {
  it('adds answers linked to their documents, keeping providers of version 4', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 4);
    insertProviderRow(db, 'p');
    insertDocumentRow(db, SHA);

    migrate(db, migrations, 5);

    expect(db.prepare('SELECT id FROM providers').all()).toEqual([{ id: 'p' }]);
    insertAnswer(db, 'streaming');
    db.prepare('INSERT INTO answer_documents (answer_id, position, document_sha256) VALUES (?, 0, ?)').run('a1', SHA);
    expect(() =>
      db
        .prepare('INSERT INTO answer_documents (answer_id, position, document_sha256) VALUES (?, 1, ?)')
        .run('a1', 'e'.repeat(64)),
    ).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM answers').run();
    expect(db.prepare('SELECT count(*) AS n FROM answer_documents').get()).toEqual({ n: 0 });
  });

  it('accepts only the five statuses', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 5);
    expect(() => insertAnswer(db, 'pending')).toThrow(/CHECK/);
  });
});
