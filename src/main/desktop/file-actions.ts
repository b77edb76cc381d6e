import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { BackupManifest, ExportFormat } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { createBackup, scheduleRestore, verifyBackup } from '../backup/backup';
import type { Clock } from '../clock';
import { exportAnalysis, exportMatter } from '../export/export-analysis';
import type { Services } from '../services';
import { type Desktop, dialogTitles, saveRequest } from './desktop';

/**
 * Export, backup and restore as the window asks for them: main asks the user
 * where (through the desktop's dialogs), so the window never names a path.
 */
export function createFileActions(services: Services, desktop: Desktop, clock: Clock) {
  // Backups the user chose and main checked, by the token the window holds.
  const chosenBackups = new Map<string, string>();
  const dataDir = () => services.appInfo().dataDir;
  const language = () => services.settings.language();
  // A save dialog may leave the extension off; the file must still open in Word.
  const withExtension = (file: string, format: ExportFormat) =>
    extname(file).toLowerCase() === `.${format}` ? file : `${file}.${format}`;

  return {
    async exportAnalysis(answerId: string, format: ExportFormat): Promise<{ path: string } | null> {
      const answer = services.ask.get(answerId);
      const chosen = await desktop.chooseSaveFile(
        saveRequest(language(), 'exportAnalysis', answer.question, format, new Date(clock.now())),
      );
      if (!chosen) return null;
      const path = withExtension(chosen, format);
      await exportAnalysis(services, answerId, format, path, language());
      return { path };
    },

    async exportMatter(matterId: string, format: ExportFormat): Promise<{ path: string } | null> {
      const matter = services.matters.get(matterId);
      const chosen = await desktop.chooseSaveFile(
        saveRequest(language(), 'exportMatter', matter.name, format, new Date(clock.now())),
      );
      if (!chosen) return null;
      const path = withExtension(chosen, format);
      await exportMatter(services, matterId, format, path, language(), clock.now());
      return { path };
    },

    /** A backup into a new folder inside the one the user picks, then checked in full as a restore would. */
    async backup(): Promise<{ path: string; manifest: BackupManifest } | null> {
      const parent = await desktop.chooseFolder({ title: dialogTitles(language()).backup, purpose: 'write' });
      if (!parent) return null;
      const path = await createBackup(services.db, dataDir(), parent, new Date(clock.now()));
      return { path, manifest: verifyBackup(path) };
    },

    /** The backup folder the user picks, checked in full; nothing is replaced yet. */
    async chooseBackup(): Promise<{ path: string; manifest: BackupManifest; token: string } | null> {
      const path = await desktop.chooseFolder({ title: dialogTitles(language()).restore, purpose: 'read' });
      if (!path) return null;
      const manifest = verifyBackup(path);
      const token = randomUUID();
      chosenBackups.set(token, path);
      return { path, manifest, token };
    },

    /** Checks the chosen backup again, leaves word to restore it, and restarts the app to do so. */
    restore(token: string): null {
      const path = chosenBackups.get(token);
      if (!path) throw new AppError('BACKUP_INVALID', { path: '', reason: 'choose the backup again' });
      scheduleRestore(path, dataDir());
      chosenBackups.clear();
      // After this call's reply has gone back to the window.
      setTimeout(() => desktop.restart(), 50);
      return null;
    },
  };
}
