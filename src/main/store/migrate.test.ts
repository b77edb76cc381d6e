import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { latestSchemaVersion, type Migration, migrate } from './migrate';
import { migrations } from './migrations';

const tables = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>(
      // Full-text indexes and their shadow tables are left out: they are not data of their own.
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
const version = (db: Database.Database) => db.pragma('user_version', { simple: true });

describe('migrate', () => {
  it('brings a new database to the latest version, each migration once', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toBe(latestSchemaVersion(migrations));
    expect(version(db)).toBe(migrations.length);
    expect(tables(db)).toEqual([
      'answer_documents',
      'answers',
      'batch_items',
      'batch_jobs',
      'batch_reviews',
      'cache_hits',
      'document_pages',
      'documents',
      'matters',
      'provider_calls',
      'provider_models',
      'providers',
      'secrets',
      'settings',
    ]);
    // Running again finds nothing pending and changes nothing.
    expect(migrate(db, migrations)).toBe(migrations.length);
  });

  it('runs all pending migrations in one transaction: a failure leaves the database as it was', () => {
    const db = new Database(':memory:');
    const failing: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (id INTEGER)') },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE two (id INTEGER)') },
      { version: 3, name: 'broken', up: (d) => d.exec('CREATE TABLE one (id INTEGER)') },
    ];
    let thrown: unknown;
    try {
      migrate(db, failing);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('MIGRATION_FAILED');
    expect((thrown as AppError).details).toMatchObject({ version: 3, name: 'broken' });
    expect(version(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('refuses a database whose schema is newer than any migration it knows', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db, migrations)).toThrowError(expect.objectContaining({ code: 'DATABASE_TOO_NEW' }));
    expect(version(db)).toBe(99);
  });

  it('rejects a list with a gap or out of order, before touching the database', () => {
    const db = new Database(':memory:');
    const gap: Migration[] = [{ version: 2, name: 'two', up: () => {} }];
    expect(() => migrate(db, gap)).toThrow(/expected 1/);
    expect(version(db)).toBe(0);
  });
});
