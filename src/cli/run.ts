import { parseArgs } from 'node:util';
import { languageFromLocale } from '../shared/locale';
import type { CliIo, Output } from './context';
import { EXIT, type ExitCode } from './exit-codes';
import { helpText } from './help';

export type { CliIo } from './context';

/**
 * Runs one CLI invocation and returns its exit code; never calls `process.exit`.
 * `--help` and `--version` answer from here: the services, zod and the SDKs
 * load only for a command (run-command.ts).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const output: Output = { json: argv.includes('--json'), language: languageFromLocale(io.env.LC_ALL || io.env.LANG) };
  let parsed: ParsedArgs;
  try {
    parsed = parse(argv);
  } catch (error) {
    const { fail, usage } = await import('./context');
    return fail(usage(error instanceof Error ? error.message : String(error)), io, output);
  }
  if (parsed.values.version) {
    io.stdout(`${io.version}\n`);
    return EXIT.ok;
  }
  if (parsed.values.help) {
    io.stdout(helpText(output.language));
    return EXIT.ok;
  }
  const { runCommand } = await import('./run-command');
  return runCommand(parsed, io, output);
}

export type ParsedArgs = ReturnType<typeof parse>;

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
