import type { Dispatch } from '../main/ipc';
import type { Services } from '../main/services';
import { createApi, typedInvoke } from '../shared/api';
import type { Envelope } from '../shared/envelope';
import { AppError, type AppErrorData } from '../shared/errors';
import type { Language } from '../shared/language';
import { EXIT, type ExitCode, exitCodeFor } from './exit-codes';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  version: string;
}

export interface Output {
  json: boolean;
  language: Language;
}

/** What a command runs with: the app's typed api over the same dispatcher, the services, and where to print. */
export interface CommandContext {
  services: Services;
  api: CliApi;
  io: CliIo;
  output: Output;
  options: CliOptions;
}

export interface CliOptions {
  password?: string | undefined;
  kind?: string | undefined;
  name?: string | undefined;
  'base-url'?: string | undefined;
  model?: string[] | undefined;
  context?: string | undefined;
  'price-input'?: string | undefined;
  'price-cached-input'?: string | undefined;
  'price-output'?: string | undefined;
  currency?: string | undefined;
  provider?: string | undefined;
  'api-key-env'?: string | undefined;
  'no-cache'?: boolean | undefined;
  strategy?: string | undefined;
  'max-input-tokens'?: string | undefined;
  'dry-run'?: boolean | undefined;
  'with-text'?: boolean | undefined;
  search?: string | undefined;
  format?: string | undefined;
  matter?: string | undefined;
  out?: string | undefined;
  questions?: string | undefined;
  concurrency?: string | undefined;
  budget?: string | undefined;
  resume?: string | undefined;
  list?: boolean | undefined;
  job?: string | undefined;
}

/**
 * The window's api, over the dispatcher instead of the preload, and one
 * call the window does not have: a file handed over by the path the user typed.
 */
export function createCliApi(dispatch: Dispatch) {
  const transport = { invoke: dispatch, on: () => () => {} };
  const invoke = typedInvoke(transport);
  return { ...createApi(transport), handOverPath: (path: string) => invoke('files:handOver', { path }) };
}

export type CliApi = ReturnType<typeof createCliApi>;

/** The value of a reply; a refusal becomes a thrown AppError, for `fail` to print with its exit code. */
export async function value<T>(reply: Promise<Envelope<T>>): Promise<T> {
  const result = await reply;
  if (!result.ok) throw AppError.fromData(result.error);
  return result.value;
}

export function printJson(context: CommandContext, value: unknown): ExitCode {
  context.io.stdout(`${JSON.stringify(value)}\n`);
  return EXIT.ok;
}

export function usage(reason: string): AppError {
  return new AppError('USAGE', { reason });
}

/** Prints a failure as JSON (`--json`) or one line on stderr, and gives its exit code. */
export function fail(error: unknown, io: CliIo, output: Output): ExitCode {
  const data: AppErrorData =
    error instanceof AppError ? error.toData(output.language) : new AppError('INTERNAL_ERROR').toData(output.language);
  if (!(error instanceof AppError)) io.stderr(`${error instanceof Error ? error.stack : String(error)}\n`);
  if (output.json) io.stdout(`${JSON.stringify({ error: { code: data.code, message: data.message } })}\n`);
  else io.stderr(`lexdesk: ${data.message} [${data.code}]\n`);
  return exitCodeFor(data.code);
}
