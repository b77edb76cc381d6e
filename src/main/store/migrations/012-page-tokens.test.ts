import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 12: tokens a page', () => {
  it('keeps the pages there were, uncounted, and refuses a negative count', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 11);
    const sha = 'a'.repeat(64);
    db.prepare(
      `INSERT INTO documents (sha256, name, kind, size_bytes, pages, chars, language, tokens_o200k, tokens_cl100k,
         pages_without_text, warnings, running_lines, extraction_ms, created_at)
       VALUES (?, 'Hợp đồng.pdf', 'pdf', 10, 2, 20, 'vi', 8, 12, '[]', '[]', '[]', 5, 1)`,
    ).run(sha);
    db.prepare(
      "INSERT INTO document_pages (document_sha256, page, start_offset, text) VALUES (?, 1, 0, 'Điều 1.')",
    ).run(sha);
    migrate(db, migrations, 12);
    db.prepare(
      "INSERT INTO document_pages (document_sha256, page, start_offset, text, tokens_o200k, tokens_cl100k) VALUES (?, 2, 9, 'Điều 2.', 4, 6)",
    ).run(sha);
    expect(db.prepare('SELECT page, tokens_o200k, tokens_cl100k FROM document_pages ORDER BY page').all()).toEqual([
      { page: 1, tokens_o200k: null, tokens_cl100k: null },
      { page: 2, tokens_o200k: 4, tokens_cl100k: 6 },
    ]);
    expect(() => db.prepare('UPDATE document_pages SET tokens_o200k = -1 WHERE page = 1').run()).toThrow(/CHECK/);
  });
});
