import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 2: secrets', () => {
  it('adds the secrets table and keeps the settings written at version 1', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 1);
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('theme', '"dark"', 5);

    migrate(db, migrations, 2);

    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT key, value, updated_at FROM settings').all()).toEqual([
      { key: 'theme', value: '"dark"', updated_at: 5 },
    ]);
    db.prepare('INSERT INTO secrets (name, ciphertext, backend, updated_at) VALUES (?, ?, ?, ?)').run(
      'provider:moonshot',
      Buffer.from([1, 2, 3]),
      'os-keychain',
      6,
    );
    expect(db.prepare('SELECT ciphertext FROM secrets').get()).toEqual({ ciphertext: Buffer.from([1, 2, 3]) });
  });

  it('stores only blobs from a known backend', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 2);
    const insert = db.prepare('INSERT INTO secrets (name, ciphertext, backend, updated_at) VALUES (?, ?, ?, ?)');
    expect(() => insert.run('k', Buffer.from('x'), 'plaintext', 1)).toThrow(/CHECK constraint/);
    // STRICT: a key cannot be slipped in as text where ciphertext belongs.
    expect(() => insert.run('k', 'sk-live-123', 'os-keychain', 1)).toThrow(/cannot store TEXT value in BLOB/);
  });
});
