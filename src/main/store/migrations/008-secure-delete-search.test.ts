import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

const indexBytes = (db: Database.Database) =>
  (db.prepare('SELECT block FROM answers_fts_data').all() as { block: Buffer }[])
    .map((row) => row.block.toString('latin1'))
    .join('');

describe('migration 8: secure delete in the search index', () => {
  it('purges the words of analyses deleted before it, and of those deleted after', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 7);
    const insert = db.prepare(`INSERT INTO answers_fts (answer_id, question, text) VALUES (?, 'q', ?)`);
    insert.run('before', 'tuyetmatmotmot');
    db.prepare("DELETE FROM answers_fts WHERE answer_id = 'before'").run();
    expect(indexBytes(db)).toContain('tuyetmatmotmot');

    migrate(db, migrations, 8);
    expect(indexBytes(db)).not.toContain('tuyetmatmotmot');
    insert.run('after', 'tuyetmathaihai');
    expect(indexBytes(db)).toContain('tuyetmathaihai');
    db.prepare("DELETE FROM answers_fts WHERE answer_id = 'after'").run();
    expect(indexBytes(db)).not.toContain('tuyetmathaihai');
    expect(db.prepare("SELECT count(*) AS n FROM answers_fts WHERE answers_fts MATCH 'tuyetmat*'").get()).toEqual({
      n: 0,
    });
  });
});
