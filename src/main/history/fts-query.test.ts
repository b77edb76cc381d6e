import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query';

describe('toFtsQuery', () => {
  it('lets every d stand for đ and makes the last word a prefix', () => {
    expect(toFtsQuery('Dieu 8')).toBe('("dieu" OR "đieu") AND ("8"*)');
    expect(toFtsQuery('phat vi pham')).toBe('("phat") AND ("vi") AND ("pham"*)');
  });

  it('drops FTS syntax a lawyer might type and returns null for nothing searchable', () => {
    expect(toFtsQuery('"phạt" OR NEAR(')).toBe('("phạt") AND ("or") AND ("near"*)');
    expect(toFtsQuery(' ?!* ')).toBeNull();
  });

  it('finds Vietnamese text typed without any diacritics, đ included, in a real FTS5 index', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')");
    db.prepare('INSERT INTO t (body) VALUES (?)').run('Điều 301. Mức phạt vi phạm; đơn phương chấm dứt hợp đồng');
    const hits = (q: string) => db.prepare('SELECT body FROM t WHERE t MATCH ?').all(toFtsQuery(q)).length;
    expect(hits('phat vi pham')).toBe(1);
    expect(hits('dieu 301')).toBe(1);
    expect(hits('don phuong cham dut')).toBe(1);
    expect(hits('hop dong')).toBe(1);
    expect(hits('boi thuong')).toBe(0);
  });
});
