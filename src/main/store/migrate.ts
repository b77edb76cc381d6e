import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

export interface Migration {
  /** The `user_version` the database has once this migration ran. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export function latestSchemaVersion(list: readonly Migration[]): number {
  return list.at(-1)?.version ?? 0;
}

/**
 * Runs every pending migration, in order, in one transaction: the database
 * ends at the latest version or exactly where it started.
 */
export function migrate(db: Database.Database, list: readonly Migration[], target = latestSchemaVersion(list)): number {
  assertOrdered(list);
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > latestSchemaVersion(list)) {
    throw new AppError('DATABASE_TOO_NEW', { found: current, supported: latestSchemaVersion(list) });
  }
  const pending = list.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;

  let running: Migration | undefined;
  try {
    db.transaction(() => {
      for (const migration of pending) {
        running = migration;
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
    })();
  } catch (error) {
    throw new AppError('MIGRATION_FAILED', {
      version: running?.version,
      name: running?.name,
      reason: String((error as Error).message),
    });
  }
  return target;
}

function assertOrdered(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
}
