import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupManifest } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { DATABASE_FILE, FILES_DIR } from '../services';
import { processesHolding } from '../store/data-dir-lock';
import type { Db } from '../store/database';
import { latestSchemaVersion } from '../store/migrate';
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
 * Checks a backup in full before anything is replaced: its manifest, the
 * database's integrity and schema version, and every stored file against the
 * SHA-256 it is named by. Throws BACKUP_INVALID saying what is wrong.
 */
export function verifyBackup(backupDir: string): BackupManifest {
  const invalid = (reason: string) => new AppError('BACKUP_INVALID', { path: backupDir, reason });
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(join(backupDir, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw invalid('no LexDesk backup manifest');
  }
  let db: Database.Database;
  try {
    db = new Database(join(backupDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
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
    const documents = db.prepare('SELECT sha256 FROM documents').all() as { sha256: string }[];
    for (const { sha256 } of documents) {
      const file = join(backupDir, FILES_DIR, sha256.slice(0, 2), sha256);
      if (!existsSync(file)) throw invalid(`the stored file of document ${sha256.slice(0, 12)} is missing`);
      if (createHash('sha256').update(readFileSync(file)).digest('hex') !== sha256) {
        throw invalid(`the stored file of document ${sha256.slice(0, 12)} is damaged`);
      }
    }
    return manifest;
  } finally {
    db.close();
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
