import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { latestSchemaVersion, migrate } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * Path to a better-sqlite3 addon built for another ABI. The app passes the
   * Electron build here so that the copy in node_modules stays the Node build
   * that tests and the CLI load.
   */
  nativeBinding?: string | undefined;
}

/**
 * Opens (or creates) the LexDesk database and brings its schema up to date.
 * A database written by a newer LexDesk is closed untouched and refused.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // Reading the header here turns "file is not a database" into our error, before anything writes.
    db.pragma('user_version', { simple: true });
  } catch (error) {
    throw new AppError('DATABASE_UNREADABLE', { path: file, reason: String((error as Error).message) });
  }
  try {
    refuseNewerSchema(db);
    configure(db);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function refuseNewerSchema(db: Db): void {
  const found = schemaVersion(db);
  const supported = latestSchemaVersion(migrations);
  if (found > supported) throw new AppError('DATABASE_TOO_NEW', { found, supported });
}

function configure(db: Db): void {
  // WAL lets the history be read while an answer is being written.
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across app crashes in WAL mode; only an OS crash can lose the last commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A deleted contract or analysis is overwritten with zeros, not left readable in free pages.
  db.pragma('secure_delete = ON');
  // The CLI and the app may share one database; wait for the other's write instead of failing.
  db.pragma('busy_timeout = 5000');
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}
