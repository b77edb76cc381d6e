import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupManifest } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { DATABASE_FILE, FILES_DIR } from '../services';
import type { Db } from '../store/database';
import { latestSchemaVersion } from '../store/migrate';
import { migrations } from '../store/migrations';

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
 * Replaces the data dir's database and files with a verified backup. Run with
 * no services open. What was there is kept beside it (`*.before-restore`).
 */
export function restoreBackup(backupDir: string, dataDir: string): BackupManifest {
  const manifest = verifyBackup(backupDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const database = join(dataDir, DATABASE_FILE);
  const files = join(dataDir, FILES_DIR);
  const staged = { database: `${database}.restoring`, files: `${files}.restoring` };
  rmSync(staged.files, { recursive: true, force: true });
  cpSync(join(backupDir, DATABASE_FILE), staged.database);
  if (existsSync(join(backupDir, FILES_DIR))) cpSync(join(backupDir, FILES_DIR), staged.files, { recursive: true });
  else mkdirSync(staged.files);
  // Everything is copied before anything is moved: the swap below is renames only.
  for (const old of [`${database}.before-restore`, `${files}.before-restore`])
    rmSync(old, { recursive: true, force: true });
  if (existsSync(database)) {
    const current = new Database(database);
    // Fold the write-ahead log into the file, so the kept copy is whole.
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    renameSync(database, `${database}.before-restore`);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  if (existsSync(files)) renameSync(files, `${files}.before-restore`);
  renameSync(staged.database, database);
  renameSync(staged.files, files);
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
