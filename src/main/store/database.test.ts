import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { openDatabase, schemaVersion } from './database';
import { latestSchemaVersion } from './migrate';
import { migrations } from './migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lexdesk-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('openDatabase', () => {
  it('creates a migrated database in WAL mode with foreign keys and a busy timeout', () => {
    const db = openDatabase(join(dir, 'lexdesk.sqlite3'));
    expect(schemaVersion(db)).toBe(latestSchemaVersion(migrations));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('reopens an existing database without migrating it again', () => {
    const file = join(dir, 'lexdesk.sqlite3');
    const first = openDatabase(file);
    first.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('language', '"en"', 1);
    first.close();
    const second = openDatabase(file);
    expect(second.prepare('SELECT value FROM settings').get()).toEqual({ value: '"en"' });
    second.close();
  });

  it('refuses a database from a newer LexDesk and leaves its file byte for byte as it was', () => {
    const file = join(dir, 'lexdesk.sqlite3');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x TEXT)');
    future.pragma('user_version = 42');
    future.close();
    const before = sha256(file);

    const error = errorOf(() => openDatabase(file));

    expect(error.code).toBe('DATABASE_TOO_NEW');
    expect(error.details).toEqual({ found: 42, supported: latestSchemaVersion(migrations) });
    expect(error.toData('vi').message).toContain('phiên bản LexDesk mới hơn');
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('turns a file that is not a database into DATABASE_UNREADABLE, untouched', () => {
    const file = join(dir, 'lexdesk.sqlite3');
    writeFileSync(file, 'this is a contract, not a database'.repeat(200));
    const before = sha256(file);
    expect(errorOf(() => openDatabase(file)).code).toBe('DATABASE_UNREADABLE');
    expect(sha256(file)).toBe(before);
  });
});
