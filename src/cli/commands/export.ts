import { resolve } from 'node:path';
import { exportAnswer, exportMatter } from '../../main/export/export-answer';
import { type CommandContext, printJson, usage } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';
import { resolveMatter } from './matters';

/** `export ANSWER_ID --format docx|md --out FILE`, or `export --matter M ...` for a whole matter. */
export async function exportCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  const matterName = context.options.matter;
  if (matterName ? args.length > 0 : args.length !== 1) throw usage('export takes one answer id, or --matter M');
  const format = context.options.format;
  if (format !== 'docx' && format !== 'md') throw usage('--format must be docx or md');
  if (!context.options.out) throw usage('--out FILE is required');
  const file = resolve(context.options.out);
  const locale = { language: context.output.language, vndRate: context.services.settings.get().vndRate };
  if (matterName) {
    const matter = await resolveMatter(context, matterName);
    await exportMatter(context.services, matter.id, format, file, locale, Date.now());
  } else {
    await exportAnswer(context.services, args[0] ?? '', format, file, locale);
  }
  if (context.output.json) return printJson(context, { exported: file });
  context.io.stdout(`${file}\n`);
  return EXIT.ok;
}
