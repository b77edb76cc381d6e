import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, FILES_DIR } from '../services';
import { tempDirsForEachTest } from '../testing/temp-dirs';
import { createTempServices } from '../testing/temp-services';
import { createBackup, verifyBackup } from './backup';

const tempDir = tempDirsForEachTest('lexdesk-verify-');

async function backup(): Promise<{ dir: string; sha256: string }> {
  const services = createTempServices({ dataDir: tempDir() });
  const doc = await services.documents.ingest({
    ingestId: 'v',
    name: 'hop-dong.txt',
    bytes: new TextEncoder().encode('Điều 3. Giá trị hợp đồng.'),
  });
  const dir = await createBackup(services.db, services.dataDir, tempDir());
  services.close();
  return { dir, sha256: doc.sha256 };
}

const reasonOf = (dir: string) => {
  try {
    verifyBackup(dir);
    return 'accepted';
  } catch (error) {
    const { code, details } = error as { code?: string; details?: { reason?: string } };
    return `${code}: ${details?.reason ?? ''}`;
  }
};

// Findings 2 and 3 of the nothing-lost issue: the backup check trusted the folder it was given.
// Each test makes one to four real backups (services, a document, SQLite's online backup): seconds on a busy machine.
describe('the backup check trusts nothing in the folder', { timeout: 60_000 }, () => {
  it('accepts a backup LexDesk made', async () => {
    expect(reasonOf((await backup()).dir)).toBe('accepted');
  });

  it('refuses a database or files folder that is a link to somewhere else', async () => {
    const linkedDb = await backup();
    const elsewhere = join(tempDir(), DATABASE_FILE);
    renameSync(join(linkedDb.dir, DATABASE_FILE), elsewhere);
    symlinkSync(elsewhere, join(linkedDb.dir, DATABASE_FILE));
    expect(reasonOf(linkedDb.dir)).toMatch(/^BACKUP_INVALID: .*not a plain file/);

    const linkedFiles = await backup();
    const outside = join(tempDir(), 'files');
    renameSync(join(linkedFiles.dir, FILES_DIR), outside);
    symlinkSync(outside, join(linkedFiles.dir, FILES_DIR));
    expect(reasonOf(linkedFiles.dir)).toMatch(/^BACKUP_INVALID: .*not a plain folder/);
  });

  it('refuses a FIFO among the stored files without blocking on it', async () => {
    const { dir, sha256 } = await backup();
    const file = join(dir, FILES_DIR, sha256.slice(0, 2), sha256);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    expect(reasonOf(dir)).toMatch(/^BACKUP_INVALID: .*not a plain file/);
  });

  it('refuses a document whose SHA-256 would name a file outside the backup', async () => {
    const { dir, sha256 } = await backup();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma('foreign_keys = OFF');
    for (const table of ['documents', 'document_pages']) {
      const column = table === 'documents' ? 'sha256' : 'document_sha256';
      // 64 characters, as the table's CHECK asks, but a path out of the backup.
      const outside = `../../../../../../../../etc/passwd${'/'.repeat(64)}`.slice(0, 64);
      db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(outside, sha256);
    }
    db.close();
    expect(reasonOf(dir)).toMatch(/^BACKUP_INVALID: .*not a SHA-256/);
  });

  it('refuses a database whose tables are not what LexDesk builds, an empty one, and a bad manifest', async () => {
    const partial = await backup();
    const db = new Database(join(partial.dir, DATABASE_FILE));
    db.exec('DROP TABLE settings');
    db.close();
    expect(reasonOf(partial.dir)).toMatch(/^BACKUP_INVALID: .*settings/);

    const empty = await backup();
    writeFileSync(join(empty.dir, DATABASE_FILE), '');
    expect(reasonOf(empty.dir)).toMatch(/^BACKUP_INVALID: /);

    for (const manifest of [
      'null',
      '{"format":1,"createdAt":"not a date","schemaVersion":8,"documents":1,"answers":0}',
    ]) {
      const bad = await backup();
      writeFileSync(join(bad.dir, 'lexdesk-backup.json'), manifest);
      expect(reasonOf(bad.dir)).toMatch(/^BACKUP_INVALID: .*manifest/);
    }
  });

  it('refuses a stored file over the size limit without reading it whole', async () => {
    const { dir, sha256 } = await backup();
    const file = join(dir, FILES_DIR, sha256.slice(0, 2), sha256);
    const { truncateSync } = await import('node:fs');
    truncateSync(file, 3 * 1024 * 1024 * 1024);
    expect(reasonOf(dir)).toMatch(/^BACKUP_INVALID: .*too large/);
  });
});
