import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, FILES_DIR } from '../services';
import { tempDirsForEachTest } from '../testing/temp-dirs';
import { createTempServices } from '../testing/temp-services';
import { createBackup, restoreBackup, verifyBackup } from './backup';

const tempDir = tempDirsForEachTest('lexdesk-backup-');

async function servicesWithData() {
  const services = createTempServices({ dataDir: tempDir() });
  const doc = await services.documents.ingest({
    ingestId: 'b',
    name: 'hop-dong.txt',
    bytes: new TextEncoder().encode('Điều 8. Phạt vi phạm 8% giá trị hợp đồng.'),
  });
  services.settings.set({ key: 'language', value: 'en' });
  return { services, sha256: doc.sha256 };
}

describe('backup and restore', () => {
  it('backs up while the services run and restores into another data dir, files and rows intact', async () => {
    const { services, sha256 } = await servicesWithData();
    const backup = await createBackup(services.db, services.dataDir, tempDir());
    services.close();
    expect(verifyBackup(backup)).toMatchObject({ format: 1, documents: 1, answers: 0 });

    const target = tempDir();
    restoreBackup(backup, target);
    const restored = createTempServices({ dataDir: target });
    try {
      expect(restored.settings.get().language).toBe('en');
      expect(new TextDecoder().decode(restored.documents.file(sha256))).toContain('Điều 8');
      expect(restored.history.search('phat vi pham', 10)).toContainEqual(expect.objectContaining({ kind: 'page' }));
    } finally {
      restored.close();
    }
  });

  it('refuses a backup whose stored file was altered, and leaves the current data as it was', async () => {
    const { services, sha256 } = await servicesWithData();
    const backup = await createBackup(services.db, services.dataDir, tempDir());
    services.close();
    writeFileSync(join(backup, FILES_DIR, sha256.slice(0, 2), sha256), 'tampered');

    const current = await servicesWithData();
    current.services.settings.set({ key: 'language', value: 'vi' });
    current.services.close();
    const before = readFileSync(join(current.services.dataDir, DATABASE_FILE));
    expect(() => restoreBackup(backup, current.services.dataDir)).toThrowError(
      expect.objectContaining({
        code: 'BACKUP_INVALID',
        details: expect.objectContaining({ reason: expect.stringMatching(/damaged/) }),
      }),
    );
    expect(readFileSync(join(current.services.dataDir, DATABASE_FILE)).equals(before)).toBe(true);
  });

  it('refuses a folder that is not a backup, and a damaged database', async () => {
    expect(() => verifyBackup(tempDir())).toThrowError(expect.objectContaining({ code: 'BACKUP_INVALID' }));
    const { services } = await servicesWithData();
    const backup = await createBackup(services.db, services.dataDir, tempDir());
    services.close();
    const database = join(backup, DATABASE_FILE);
    const bytes = readFileSync(database);
    bytes.fill(0x41, 4096, 8192);
    writeFileSync(database, bytes);
    expect(() => verifyBackup(backup)).toThrowError(expect.objectContaining({ code: 'BACKUP_INVALID' }));
  });
});
