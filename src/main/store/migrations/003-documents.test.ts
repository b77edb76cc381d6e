import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { insertDocumentRow } from '../testing/rows';
import { migrations } from '.';

const SHA = 'a'.repeat(64);

describe('migration 3: documents', () => {
  it('adds documents and their pages, keeping the rows of version 2', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 2);
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('language', '"en"', 1);

    migrate(db, migrations, 3);

    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: '"en"' });
    insertDocumentRow(db, SHA);
    const page = db.prepare(
      'INSERT INTO document_pages (document_sha256, page, start_offset, text) VALUES (?, ?, ?, ?)',
    );
    page.run(SHA, 1, 0, 'Điều 1.');
    page.run(SHA, 2, 9, 'Điều 2.');
    expect(db.prepare('SELECT count(*) AS n FROM document_pages').get()).toEqual({ n: 2 });
  });

  it('removes the pages with their document and refuses pages of no document', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 3);
    insertDocumentRow(db, SHA);
    const page = db.prepare(
      'INSERT INTO document_pages (document_sha256, page, start_offset, text) VALUES (?, ?, ?, ?)',
    );
    page.run(SHA, 1, 0, 'x');
    expect(() => page.run('b'.repeat(64), 1, 0, 'x')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM documents').run();
    expect(db.prepare('SELECT count(*) AS n FROM document_pages').get()).toEqual({ n: 0 });
  });

  it('refuses an unknown kind or language and a malformed hash', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 3);
    expect(() => insertDocumentRow(db, 'short')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO documents (sha256, name, kind, size_bytes, pages, chars, language, tokens_o200k, tokens_cl100k,
             extraction_ms, created_at) VALUES (?, 'x.xlsx', 'xlsx', 1, NULL, 1, 'vi', 1, 1, 1, 1)`,
        )
        .run(SHA),
    ).toThrow(/CHECK/);
  });
});
