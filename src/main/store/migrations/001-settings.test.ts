import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 1: settings', () => {
  it('creates the settings table from an empty database', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('language', '"vi"', 1);
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').get('language')).toEqual({ value: '"vi"' });
  });

  it('accepts only JSON values and one row a key', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 1);
    const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
    expect(() => insert.run('language', 'vi', 1)).toThrow(/CHECK constraint/);
    insert.run('language', '"vi"', 1);
    expect(() => insert.run('language', '"en"', 2)).toThrow(/UNIQUE/);
  });
});
