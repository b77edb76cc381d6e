import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocumentSummary } from '../../shared/documents';
import { type CommandContext, printJson, usage, value } from '../context';
import { describeDocument } from '../describe-document';
import { EXIT, type ExitCode } from '../exit-codes';

/** Reads one file into LexDesk (or finds it there already) and returns what was stored. */
export async function ingestFile(context: CommandContext, file: string): Promise<DocumentSummary> {
  const password = context.options.password;
  // The user named the file on the command line: it is handed over, as a drop is in the app.
  const { fileId } = await value(context.api.handOverPath(resolve(file)));
  const input = {
    ingestId: `cli-${process.pid}`,
    fileId,
    ...(password !== undefined ? { password } : {}),
  };
  return value(context.api.documents.ingest(input));
}

/** `ingest FILE [--password P]`. */
export async function ingestCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) throw usage('ingest takes one file');
  const started = performance.now();
  const doc = await ingestFile(context, file);
  const ms = Math.round(performance.now() - started);
  if (context.output.json) {
    const { sha256, name, pages, chars, language, tokens, pagesWithoutText, warnings } = doc;
    return printJson(context, { sha256, name, pages, chars, language, tokens, pagesWithoutText, warnings, ms });
  }
  context.io.stdout(`${describeDocument(doc, context.output.language)}\n`);
  return EXIT.ok;
}
