import { resolve } from 'node:path';
import { createBackup, restoreBackup } from '../../main/backup/backup';
import { type CliIo, type CommandContext, type Output, printJson, usage } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';

/** `backup DIR`: the database (online backup) and the stored files, into a new folder under DIR. */
export async function backupCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  const [dir, ...extra] = args;
  if (!dir || extra.length > 0) throw usage('backup takes one folder');
  const path = await createBackup(context.services.db, context.services.dataDir, resolve(dir));
  if (context.output.json) return printJson(context, { backup: path });
  context.io.stdout(`${path}\n`);
  return EXIT.ok;
}

/** `restore BACKUP_DIR`: checked in full first; runs with no services open, the current data kept aside. */
export function restoreCommand(args: string[], dataDir: string, io: CliIo, output: Output): ExitCode {
  const [dir, ...extra] = args;
  if (!dir || extra.length > 0) throw usage('restore takes one backup folder');
  const manifest = restoreBackup(resolve(dir), dataDir);
  const summary = { restored: resolve(dir), into: dataDir, documents: manifest.documents, answers: manifest.answers };
  io.stdout(
    output.json
      ? `${JSON.stringify(summary)}\n`
      : `${summary.documents} documents, ${summary.answers} analyses restored into ${dataDir}\n`,
  );
  return EXIT.ok;
}
