import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../main/data-dir';
import { createHandlers } from '../main/handlers';
import { createDispatcher, type Dispatch } from '../main/ipc';
import { createServices } from '../main/services';
import type { DocumentSummary } from '../shared/documents';
import { AppError, type AppErrorData } from '../shared/errors';
import { type Language, languageFromLocale } from '../shared/language';
import { type SettingKey, settingKeys } from '../shared/settings';
import { describeDocument } from './describe-document';
import { EXIT, type ExitCode, exitCodeFor } from './exit-codes';
import { helpText } from './help';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  version: string;
}

interface Output {
  json: boolean;
  language: Language;
}

/** Runs one CLI invocation and returns its exit code; never calls `process.exit`. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const localeLanguage = languageFromLocale(io.env.LC_ALL || io.env.LANG);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return fail(new AppError('USAGE', { reason: (error as Error).message }), io, {
      json: argv.includes('--json'),
      language: localeLanguage,
    });
  }
  const { values, positionals } = parsed;
  const output: Output = { json: values.json === true, language: localeLanguage };
  if (values.version) {
    io.stdout(`${io.version}\n`);
    return EXIT.ok;
  }
  if (values.help) {
    io.stdout(helpText(localeLanguage));
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    io.stderr(helpText(localeLanguage));
    return EXIT.usage;
  }

  let services: ReturnType<typeof createServices>;
  try {
    services = createServices({
      dataDir: values['data-dir'] ?? defaultDataDir(io.env),
      locale: io.env.LC_ALL || io.env.LANG || 'en',
      appVersion: io.version,
    });
  } catch (error) {
    return fail(error, io, output);
  }
  try {
    output.language = services.settings.language();
    const dispatch = createDispatcher(createHandlers(services), { language: () => services.settings.language() });
    return await runCommand(positionals, { password: values.password }, dispatch, io, output);
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
    },
  });
}

async function runCommand(
  args: string[],
  options: { password?: string | undefined },
  dispatch: Dispatch,
  io: CliIo,
  output: Output,
): Promise<ExitCode> {
  const [command, verb, ...rest] = args;
  if (command === 'ingest' && verb !== undefined && rest.length === 0) {
    return ingest(verb, options.password, dispatch, io, output);
  }
  if (command === 'settings' && verb === 'get' && rest.length <= 1) return settingsGet(rest[0], dispatch, io, output);
  if (command === 'settings' && verb === 'set' && rest.length === 2) {
    return settingsSet(rest[0] ?? '', rest[1] ?? '', dispatch, io, output);
  }
  throw new AppError('USAGE', { reason: `unknown command "${args.join(' ')}"` });
}

async function settingsGet(key: string | undefined, dispatch: Dispatch, io: CliIo, output: Output) {
  if (key !== undefined && !isSettingKey(key)) {
    throw new AppError('USAGE', { reason: `unknown setting "${key}" (${settingKeys.join(', ')})` });
  }
  const result = await dispatch('settings:get', undefined);
  if (!result.ok) return fail(AppError.fromData(result.error), io, output);
  const settings = result.value as Record<string, unknown>;
  const shown = key === undefined ? settings : { [key]: settings[key] };
  if (output.json) io.stdout(`${JSON.stringify(shown)}\n`);
  else if (key !== undefined) io.stdout(`${String(settings[key])}\n`);
  else for (const [name, value] of Object.entries(shown)) io.stdout(`${name}=${String(value)}\n`);
  return EXIT.ok;
}

async function settingsSet(key: string, raw: string, dispatch: Dispatch, io: CliIo, output: Output) {
  if (!isSettingKey(key)) {
    throw new AppError('USAGE', { reason: `unknown setting "${key}" (${settingKeys.join(', ')})` });
  }
  // The command line only has strings; booleans are spelled out, and the contract's schema judges the rest.
  const value = raw === 'true' ? true : raw === 'false' ? false : raw;
  const result = await dispatch('settings:set', { key, value });
  if (!result.ok) return fail(AppError.fromData(result.error), io, output);
  const settings = result.value as Record<string, unknown>;
  if (output.json) io.stdout(`${JSON.stringify({ [key]: settings[key] })}\n`);
  else io.stdout(`${key}=${String(settings[key])}\n`);
  return EXIT.ok;
}

async function ingest(file: string, password: string | undefined, dispatch: Dispatch, io: CliIo, output: Output) {
  const started = performance.now();
  const input = {
    ingestId: `cli-${process.pid}`,
    path: resolve(file),
    ...(password !== undefined ? { password } : {}),
  };
  const result = await dispatch('documents:ingest', input);
  if (!result.ok) return fail(AppError.fromData(result.error), io, output);
  const doc = result.value as DocumentSummary;
  const ms = Math.round(performance.now() - started);
  if (output.json) {
    const { sha256, name, pages, chars, language, tokens, pagesWithoutText, warnings } = doc;
    io.stdout(`${JSON.stringify({ sha256, name, pages, chars, language, tokens, pagesWithoutText, warnings, ms })}\n`);
  } else {
    io.stdout(`${describeDocument(doc, output.language)}\n`);
  }
  return EXIT.ok;
}

function isSettingKey(key: string): key is SettingKey {
  return (settingKeys as readonly string[]).includes(key);
}

function fail(error: unknown, io: CliIo, output: Output): ExitCode {
  const data: AppErrorData =
    error instanceof AppError ? error.toData(output.language) : new AppError('INTERNAL_ERROR').toData(output.language);
  if (!(error instanceof AppError)) io.stderr(`${String((error as Error)?.stack ?? error)}\n`);
  if (output.json) io.stdout(`${JSON.stringify({ error: { code: data.code, message: data.message } })}\n`);
  else io.stderr(`lexdesk: ${data.message} [${data.code}]\n`);
  return exitCodeFor(data.code);
}
