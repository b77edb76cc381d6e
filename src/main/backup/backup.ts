import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type BackupManifest, backupManifestSchema } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { DOCUMENT_LIMITS } from '../documents/limits';
import { DATABASE_FILE, FILES_DIR } from '../services';
import { processesHolding } from '../store/data-dir-lock';
import type { Db } from '../store/database';
import { latestSchemaVersion, migrate } from '../store/migrate';
import { migrations } from '../store/migrations';
import {
  KEPT_PREFIX,
  nodeRestoreFs,
  type RestoreFs,
  recoverRestore,
  restoreStamp,
  stagingDir,
  swapWithJournal,
} from './restore-journal';

const MANIFEST = 'lexdesk-backup.json';
/** In the data dir: a restore the user asked for, applied at the next start before the database opens. */
const PENDING_RESTORE = 'restore-pending.json';

/**
 * Copies the database (SQLite's online backup: safe while the app runs and
 * writes) and the stored original files into a new folder under `parent`.
 * Built aside and renamed into place, so a failure leaves no partial backup.
 */
export async function createBackup(db: Db, dataDir: string, parent: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const target = join(parent, `LexDesk-backup-${stamp}`);
  const building = `${target}.partial`;
  try {
    mkdirSync(building, { recursive: true, mode: 0o700 });
    await db.backup(join(building, DATABASE_FILE));
    const files = join(dataDir, FILES_DIR);
    if (existsSync(files)) cpSync(files, join(building, FILES_DIR), { recursive: true });
    const copy = new Database(join(building, DATABASE_FILE), { readonly: true });
    const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      schemaVersion: Number(copy.pragma('user_version', { simple: true })),
      documents: count('documents'),
      answers: count('answers'),
    };
    copy.close();
    writeFileSync(join(building, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(building, target);
    return target;
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw new AppError('BACKUP_FAILED', { path: parent, reason: String((error as Error).message) });
  }
}

/**
 * Checks a backup in full before anything is replaced, trusting nothing in
 * the folder: the manifest against its schema; the database and the files
 * folder as plain files and folders (no links, FIFOs or devices); the
 * database's integrity and, table by table and column by column, the schema
 * LexDesk's migrations build for its version; every document's SHA-256 as 64
 * hex characters, its stored file a plain file within the size limit whose
 * streamed hash matches. Throws BACKUP_INVALID saying what is wrong.
 */
export function verifyBackup(backupDir: string): BackupManifest {
  const invalid = (reason: string) => new AppError('BACKUP_INVALID', { path: backupDir, reason });
  let parsed: ReturnType<typeof backupManifestSchema.safeParse>;
  try {
    parsed = backupManifestSchema.safeParse(JSON.parse(readFileSync(join(backupDir, MANIFEST), 'utf8')));
  } catch {
    throw invalid('no LexDesk backup manifest');
  }
  if (!parsed.success) throw invalid('the manifest is not one LexDesk writes');
  const manifest = parsed.data;
  const databaseFile = join(backupDir, DATABASE_FILE);
  if (!isPlain(databaseFile, 'file')) throw invalid(`${DATABASE_FILE} is not a plain file`);
  const filesDir = join(backupDir, FILES_DIR);
  if (existsSync(filesDir) && !isPlain(filesDir, 'folder')) throw invalid(`${FILES_DIR} is not a plain folder`);
  let db: Database.Database;
  try {
    db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  } catch {
    throw invalid('no database');
  }
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch (error) {
      throw invalid(`database unreadable: ${(error as Error).message}`);
    }
    if (integrity !== 'ok') throw invalid(`database damaged: ${String(integrity)}`);
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > latestSchemaVersion(migrations)) throw invalid(`made by a newer LexDesk (schema ${version})`);
    const schemaProblem = compareSchema(db, version);
    if (schemaProblem) throw invalid(schemaProblem);
    const documents = db.prepare('SELECT sha256 FROM documents').all() as { sha256: unknown }[];
    for (const { sha256 } of documents) {
      if (typeof sha256 !== 'string' || !SHA256.test(sha256))
        throw invalid(`a document is named by "${String(sha256).slice(0, 40)}", not a SHA-256`);
      const file = join(filesDir, sha256.slice(0, 2), sha256);
      const label = `the stored file of document ${sha256.slice(0, 12)}`;
      if (!existsSync(file)) throw invalid(`${label} is missing`);
      if (!isPlain(file, 'file') || !isPlain(join(filesDir, sha256.slice(0, 2)), 'folder')) {
        throw invalid(`${label} is not a plain file`);
      }
      if (statSync(file).size > DOCUMENT_LIMITS.maxBytes) throw invalid(`${label} is too large`);
      if (hashOf(file) !== sha256) throw invalid(`${label} is damaged`);
    }
    return manifest;
  } finally {
    db.close();
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** A file or folder in its own right: not a link (followed nowhere), a FIFO, a socket or a device. */
function isPlain(path: string, kind: 'file' | 'folder'): boolean {
  try {
    const stat = lstatSync(path);
    return kind === 'file' ? stat.isFile() : stat.isDirectory();
  } catch {
    return false;
  }
}

/** SHA-256 read a megabyte at a time: a stored file may be hundreds of megabytes. */
function hashOf(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** What differs between the backup's tables and those LexDesk's migrations build at its version, or null. */
function compareSchema(db: Database.Database, version: number): string | null {
  if (version < 1) return 'the database holds no LexDesk schema';
  const expected = new Database(':memory:');
  try {
    migrate(expected, migrations, version);
    const tablesOf = (of: Database.Database) =>
      (of.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
        (row) => row.name,
      );
    const columnsOf = (of: Database.Database, table: string) =>
      (of.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(table) as object[]).map((column) =>
        JSON.stringify(column),
      );
    const found = new Set(tablesOf(db));
    for (const table of tablesOf(expected)) {
      if (!found.has(table)) return `the table ${table} is missing`;
      if (columnsOf(db, table).join() !== columnsOf(expected, table).join())
        return `the table ${table} is not as LexDesk builds it`;
    }
    return null;
  } finally {
    expected.close();
  }
}

/**
 * Replaces the data dir's database and files with a verified backup, all or
 * nothing. Run with no services open, and refused while another process (the
 * app, the CLI) has the data dir open. What was there is kept beside it, in a
 * dated `before-restore-…` folder that only the user deletes.
 */
export function restoreBackup(backupDir: string, dataDir: string, fs: RestoreFs = nodeRestoreFs): BackupManifest {
  const manifest = verifyBackup(backupDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const others = processesHolding(dataDir);
  if (others.length > 0) throw new AppError('DATA_IN_USE', { path: dataDir, processes: others.join(', ') });
  recoverRestore(dataDir);
  const stamp = restoreStamp();
  const staging = stagingDir(dataDir, stamp);
  const kept = join(dataDir, `${KEPT_PREFIX}${stamp}`);
  const database = join(dataDir, DATABASE_FILE);
  const files = join(dataDir, FILES_DIR);
  try {
    // Everything is copied in before anything is moved: the swap is renames only, within one folder.
    fs.copy(join(backupDir, DATABASE_FILE), join(staging, DATABASE_FILE));
    if (existsSync(join(backupDir, FILES_DIR))) fs.copy(join(backupDir, FILES_DIR), join(staging, FILES_DIR));
    else mkdirSync(join(staging, FILES_DIR));
    if (existsSync(database)) {
      const current = new Database(database);
      // Fold the write-ahead log into the file, so the kept copy is whole.
      current.pragma('wal_checkpoint(TRUNCATE)');
      current.close();
    }
    mkdirSync(kept, { mode: 0o700 });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(kept, { recursive: true, force: true });
    throw new AppError('BACKUP_FAILED', { path: dataDir, reason: String((error as Error).message) });
  }
  const moves: [string, string][] = [];
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, FILES_DIR]) {
    if (existsSync(join(dataDir, name))) moves.push([join(dataDir, name), join(kept, name)]);
  }
  moves.push([join(staging, DATABASE_FILE), database], [join(staging, FILES_DIR), files]);
  try {
    swapWithJournal(dataDir, moves, staging, fs);
  } catch (error) {
    throw new AppError('BACKUP_FAILED', { path: dataDir, reason: String((error as Error).message) });
  }
  return manifest;
}

/**
 * Checks a backup in full and leaves word in the data dir to restore it at the
 * next start, when nothing holds the database open. The app then restarts.
 */
export function scheduleRestore(backupDir: string, dataDir: string): BackupManifest {
  const manifest = verifyBackup(backupDir);
  const marker = join(dataDir, PENDING_RESTORE);
  writeFileSync(`${marker}.partial`, JSON.stringify({ backupDir }));
  renameSync(`${marker}.partial`, marker);
  return manifest;
}

export type PendingRestoreResult = { ok: true; manifest: BackupManifest } | { ok: false; error: AppError };

/**
 * At start-up, before the services open the database: applies a restore left
 * by `scheduleRestore`. The word is taken away first, so a restore that fails
 * is tried once, never on every start; a failure leaves the current data as
 * it was (restoreBackup checks everything before it moves anything).
 */
export function applyPendingRestore(dataDir: string): PendingRestoreResult | null {
  // A restore the app died in the middle of is undone first, and said.
  if (recoverRestore(dataDir) === 'rolled back') {
    return {
      ok: false,
      error: new AppError('BACKUP_FAILED', { path: dataDir, reason: 'interrupted; the data was put back as it was' }),
    };
  }
  const marker = join(dataDir, PENDING_RESTORE);
  if (!existsSync(marker)) return null;
  let backupDir: string;
  try {
    backupDir = (JSON.parse(readFileSync(marker, 'utf8')) as { backupDir: string }).backupDir;
  } catch {
    backupDir = '';
  } finally {
    rmSync(marker, { force: true });
  }
  try {
    return { ok: true, manifest: restoreBackup(backupDir, dataDir) };
  } catch (error) {
    return {
      ok: false,
      error:
        error instanceof AppError ? error : new AppError('BACKUP_INVALID', { path: backupDir, reason: String(error) }),
    };
  }
}
