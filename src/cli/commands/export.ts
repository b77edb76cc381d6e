import { resolve } from 'node:path';
import { exportJobXlsx } from '../../main/batch/batch-export';
import { exportAnswer, exportMatter } from '../../main/export/export-answer';
import { type CommandContext, printJson, usage } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';
import { resolveMatter } from './matters';

/**
 * `export ANSWER_ID --format docx|md --out FILE`, `export --matter M ...` for a
 * whole matter, or `export --job JOB_ID --format xlsx --out FILE` for a batch's grid.
 */
export async function exportCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  if (context.options.job) return exportJob(args, context.options.job, context);
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

async function exportJob(args: string[], jobId: string, context: CommandContext): Promise<ExitCode> {
  if (args.length > 0) throw usage('export --job takes no answer id');
  if (context.options.format !== 'xlsx') throw usage('--format must be xlsx for a batch (docx comes with the grid)');
  if (!context.options.out) throw usage('--out FILE is required');
  const file = resolve(context.options.out);
  const { batch } = context.services;
  const job = batch.state(jobId);
  await exportJobXlsx(job, batch.items(jobId, 0, job.total), file, context.output.language);
  if (context.output.json) return printJson(context, { exported: file });
  context.io.stdout(`${file}\n`);
  return EXIT.ok;
}
