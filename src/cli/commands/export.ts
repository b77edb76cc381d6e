import { resolve } from 'node:path';
import { type ExportFormat, exportAnalysis } from '../../main/export/export-analysis';
import { type CommandContext, printJson, usage } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';

/** `export ANSWER_ID --format docx|md --out FILE`. */
export async function exportCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  const [answerId, ...extra] = args;
  if (!answerId || extra.length > 0) throw usage('export takes one answer id');
  const format = context.options.format;
  if (format !== 'docx' && format !== 'md') throw usage('--format must be docx or md');
  if (!context.options.out) throw usage('--out FILE is required');
  const file = resolve(context.options.out);
  await exportAnalysis(context.services, answerId, format as ExportFormat, file, context.output.language);
  if (context.output.json) return printJson(context, { exported: file });
  context.io.stdout(`${file}\n`);
  return EXIT.ok;
}
