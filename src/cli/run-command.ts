import { checksOutputs, createApp } from '../main/app';
import { defaultDataDir } from '../main/data-dir';
import { headlessDesktop } from '../main/desktop/desktop';
import type { Extractor } from '../main/documents/extraction-pool';
import { createServices, type Services } from '../main/services';
import { askCommand } from './commands/ask';
import { backupCommand, restoreCommand } from './commands/backup';
import { batchCommand } from './commands/batch';
import { exportCommand } from './commands/export';
import { historyCommand, showCommand } from './commands/history';
import { ingestCommand } from './commands/ingest';
import { mattersCommand } from './commands/matters';
import { providersCommand } from './commands/providers';
import { settingsCommand } from './commands/settings';
import { verifyCommand } from './commands/verify';
import { type CliIo, type CommandContext, createCliApi, fail, type Output, usage } from './context';
import { EXIT, type ExitCode } from './exit-codes';
import { helpText } from './help';
import type { ParsedArgs } from './run';

const commands: Record<string, (args: string[], context: CommandContext) => Promise<ExitCode>> = {
  settings: settingsCommand,
  ingest: ingestCommand,
  providers: providersCommand,
  ask: askCommand,
  history: historyCommand,
  show: showCommand,
  verify: verifyCommand,
  backup: backupCommand,
  export: exportCommand,
  matters: mattersCommand,
  batch: batchCommand,
};

/** A command with its services: loaded only once the arguments ask for one (see run.ts). */
export async function runCommand(
  { values, positionals }: ParsedArgs,
  io: CliIo,
  output: Output,
  /** Extraction workers already started (for `ingest`); the services own them from here. */
  extractor?: Extractor,
): Promise<ExitCode> {
  const [name, ...args] = positionals;
  const dataDir = values['data-dir'] ?? defaultDataDir(io.env);
  // Restoring replaces the database, so it runs before any service opens it.
  if (name === 'restore') {
    try {
      return restoreCommand(args, dataDir, io, output);
    } catch (error) {
      return fail(error, io, output);
    }
  }
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    if (name !== undefined) return fail(usage(`unknown command "${name}"`), io, output);
    io.stderr(helpText(output.language));
    return EXIT.usage;
  }

  let services: Services;
  try {
    services = createServices({
      dataDir,
      locale: io.env.LC_ALL || io.env.LANG || 'en',
      appVersion: io.version,
      ...(extractor ? { extractor } : {}),
    });
  } catch (error) {
    await extractor?.close();
    return fail(error, io, output);
  }
  try {
    output.language = services.settings.language();
    const { dispatch } = createApp({ services, desktop: headlessDesktop, checkOutputs: checksOutputs(io.env) });
    return await command(args, { services, api: createCliApi(dispatch), io, output, options: values });
  } catch (error) {
    return fail(error, io, output);
  } finally {
    services.close();
  }
}
