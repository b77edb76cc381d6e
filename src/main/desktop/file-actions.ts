import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { BackupManifest, ExportFormat } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { verifyBackup } from '../backup/backup';
import type { Clock } from '../clock';
import { exportAnswer, exportMatter } from '../export/export-answer';
import { markdownToHtml } from '../export/markdown-html';
import { parseAnswerMarkdown } from '../export/markdown-tree';
import type { Services } from '../services';
import { type Desktop, dialogTitles, saveRequest } from './desktop';

/**
 * Export, backup and restore as the window asks for them: main asks the user
 * where (through the desktop's dialogs), so the window never names a path.
 */
/** What the file actions use: the services they export from, and the backups of this data dir; not the database. */
export type FileActionDependencies = Pick<
  Services,
  'settings' | 'answers' | 'documents' | 'history' | 'matters' | 'backups'
>;

export function createFileActions(services: FileActionDependencies, desktop: Desktop, clock: Clock) {
  // Backups the user chose and main checked, by the token the window holds.
  const chosenBackups = new Map<string, string>();
  const language = () => services.settings.language();
  const locale = () => ({ language: language(), vndRate: services.settings.get().vndRate });

  /** Asks where, named after `subject`, then writes there; null when the dialog is closed. */
  async function saveAs(
    kind: 'exportAnswer' | 'exportMatter',
    subject: string,
    format: ExportFormat,
    write: (path: string) => Promise<void>,
  ): Promise<{ path: string } | null> {
    const chosen = await desktop.chooseSaveFile(saveRequest(language(), kind, subject, format, new Date(clock.now())));
    if (!chosen) return null;
    // A save dialog may leave the extension off; the file must still open in Word.
    const path = extname(chosen).toLowerCase() === `.${format}` ? chosen : `${chosen}.${format}`;
    await write(path);
    return { path };
  }

  return {
    exportAnswer(answerId: string, format: ExportFormat) {
      // Looked up first: an unknown analysis is refused before any dialog opens.
      const answer = services.answers.get(answerId);
      return saveAs('exportAnswer', answer.question, format, (path) =>
        exportAnswer(services, answerId, format, path, locale()),
      );
    },

    exportMatter(matterId: string, format: ExportFormat) {
      const matter = services.matters.get(matterId);
      return saveAs('exportMatter', matter.name, format, (path) =>
        exportMatter(services, matterId, format, path, locale(), clock.now()),
      );
    },

    /**
     * The analysis's text on the clipboard: its Markdown as plain text, and as
     * HTML (parsed in a worker, as the Word export is) so Word and e-mail paste
     * its tables and lists. What main stored is what is copied, streaming or done.
     */
    async copyAnswer(answerId: string): Promise<null> {
      const { text } = services.answers.get(answerId);
      desktop.writeClipboard({ text, html: markdownToHtml([await parseAnswerMarkdown(text)]) });
      return null;
    },

    /** A backup into a new folder inside the one the user picks, then checked in full as a restore would. */
    async backup(): Promise<{ path: string; manifest: BackupManifest } | null> {
      const parent = await desktop.chooseFolder({ title: dialogTitles(language()).backup, purpose: 'write' });
      if (!parent) return null;
      const path = await services.backups.create(parent, new Date(clock.now()));
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
      services.backups.scheduleRestore(path);
      chosenBackups.clear();
      // After this call's reply has gone back to the window.
      setTimeout(() => desktop.restart(), 50);
      return null;
    },
  };
}
