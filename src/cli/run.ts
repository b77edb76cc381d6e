import { parseArgs } from 'node:util';
import type { Extractor } from '../main/documents/extraction-pool';
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
  const extractor = await startedEarly(parsed);
  const { runCommand } = await import('./run-command');
  return runCommand(parsed, io, output, extractor);
}

/**
 * For `ingest FILE`, the extraction workers, started before the rest of the
 * CLI loads: their start and pdf.js (about 0.3 s) then run beside the loading
 * of the services and the database opening, not after them.
 */
async function startedEarly({ positionals }: ParsedArgs): Promise<Extractor | undefined> {
  if (positionals[0] !== 'ingest' || positionals.length !== 2) return undefined;
  const { createExtractionPool } = await import('../main/documents/extraction-pool');
  const extractor = createExtractionPool();
  extractor.warmUp();
  return extractor;
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
      strategy: { type: 'string' },
      'max-input-tokens': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'with-text': { type: 'boolean' },
      search: { type: 'string' },
      format: { type: 'string' },
      matter: { type: 'string' },
      out: { type: 'string' },
      questions: { type: 'string' },
      concurrency: { type: 'string' },
      budget: { type: 'string' },
      resume: { type: 'string' },
      list: { type: 'boolean' },
      job: { type: 'string' },
    },
  });
}
