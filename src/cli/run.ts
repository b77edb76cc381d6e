import { parseArgs } from 'node:util';
import { defaultDataDir } from '../main/data-dir';
import { headlessDesktop } from '../main/desktop/desktop';
import { createHandlers } from '../main/handlers';
import { createDispatcher } from '../main/ipc';
import { createServices, type Services } from '../main/services';
import { languageFromLocale } from '../shared/language';
import { askCommand } from './commands/ask';
import { backupCommand, restoreCommand } from './commands/backup';
import { exportCommand } from './commands/export';
import { historyCommand, showCommand } from './commands/history';
import { ingestCommand } from './commands/ingest';
import { mattersCommand } from './commands/matters';
import { providersCommand } from './commands/providers';
import { settingsCommand } from './commands/settings';
import { type CliIo, type CommandContext, fail, type Output, usage } from './context';
import { EXIT, type ExitCode } from './exit-codes';
import { helpText } from './help';

export type { CliIo } from './context';

const commands: Record<string, (args: string[], context: CommandContext) => Promise<ExitCode>> = {
  settings: settingsCommand,
  ingest: ingestCommand,
  providers: providersCommand,
  ask: askCommand,
  history: historyCommand,
  show: showCommand,
  backup: backupCommand,
  export: exportCommand,
  matters: mattersCommand,
};

/** Runs one CLI invocation and returns its exit code; never calls `process.exit`. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const output: Output = { json: argv.includes('--json'), language: languageFromLocale(io.env.LC_ALL || io.env.LANG) };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return fail(usage((error as Error).message), io, output);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${io.version}\n`);
    return EXIT.ok;
  }
  if (values.help) {
    io.stdout(helpText(output.language));
    return EXIT.ok;
  }
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
    });
  } catch (error) {
    return fail(error, io, output);
  }
  try {
    output.language = services.settings.language();
    const dispatch = createDispatcher(createHandlers(services, headlessDesktop), {
      language: () => services.settings.language(),
    });
    return await command(args, { services, dispatch, io, output, options: values });
  } catch (error) {
    return fail(error, io, output);
  } finally {
    services.close();
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      password: { type: 'string' },
      kind: { type: 'string' },
      name: { type: 'string' },
      'base-url': { type: 'string' },
      model: { type: 'string', multiple: true },
      context: { type: 'string' },
      'price-input': { type: 'string' },
      'price-cached-input': { type: 'string' },
      'price-output': { type: 'string' },
      currency: { type: 'string' },
      provider: { type: 'string' },
      'api-key-env': { type: 'string' },
      'no-cache': { type: 'boolean' },
      search: { type: 'string' },
      format: { type: 'string' },
      matter: { type: 'string' },
      out: { type: 'string' },
    },
  });
}
