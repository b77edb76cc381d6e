import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { insertDocumentRow } from '../testing/rows';
import { migrations } from '.';

const SHA = 'f'.repeat(64);

function insertAnswer(db: Database.Database, id: string, status: string, text: string) {
  db.prepare(
    `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, estimated_input, currency,
       created_at, updated_at) VALUES (?, 'Điều khoản phạt vi phạm?', 'p', 'P', 'm', ?, ?, 10, 'USD', 1, 1)`,
  ).run(id, status, text);
}

const search = (db: Database.Database, table: string, query: string) =>
  db.prepare(`SELECT * FROM ${table} WHERE ${table} MATCH ?`).all(query);

describe('migration 6: search and answer cache', () => {
  it('indexes what version 5 already held, with Vietnamese marks folded', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 5);
    insertDocumentRow(db, SHA);
    db.prepare('INSERT INTO document_pages (document_sha256, page, start_offset, text) VALUES (?, 1, 0, ?)').run(
      SHA,
      'Bên vi phạm phải chịu phạt vi phạm tám phần trăm.',
    );
    insertAnswer(db, 'done-before', 'done', 'Mức phạt vi phạm là 8%.');
    insertAnswer(db, 'still-streaming', 'streaming', 'Mức phạt');

    migrate(db, migrations, 6);

    expect(search(db, 'pages_fts', 'phat vi pham')).toHaveLength(1);
    expect(search(db, 'documents_fts', '"hop dong"')).toHaveLength(1);
    expect(search(db, 'answers_fts', 'phat')).toEqual([expect.objectContaining({ answer_id: 'done-before' })]);
  });

  it('indexes an answer when it stops streaming and forgets it when deleted', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 6);
    insertAnswer(db, 'a1', 'streaming', 'Bồi thường thiệt hại');
    expect(search(db, 'answers_fts', 'boi thuong')).toHaveLength(0);
    db.prepare("UPDATE answers SET status = 'done' WHERE id = 'a1'").run();
    expect(search(db, 'answers_fts', 'boi thuong')).toHaveLength(1);
    db.prepare("DELETE FROM answers WHERE id = 'a1'").run();
    expect(search(db, 'answers_fts', 'boi thuong')).toHaveLength(0);
  });

  it('counts cache hits per answer and drops them with it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 6);
    insertAnswer(db, 'a1', 'done', 'x');
    db.prepare("UPDATE answers SET cache_key = 'k' WHERE id = 'a1'").run();
    db.prepare("INSERT INTO cache_hits (answer_id, hit_at, saved_cost) VALUES ('a1', 2, 0.05)").run();
    db.prepare("DELETE FROM answers WHERE id = 'a1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM cache_hits').get()).toEqual({ n: 0 });
  });
});
