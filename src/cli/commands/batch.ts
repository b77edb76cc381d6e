import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BatchQuestion, type JobState, questionListSchema } from '../../shared/batch';
import { presetQuestions, QUESTION_PRESETS } from '../../shared/batch-presets';
import { AppError } from '../../shared/errors';
import { type CommandContext, printJson, usage } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';
import { ingestFile } from './ingest';

/**
 * `batch FILE|FOLDER... --questions FILE|PRESET --provider P [--model M]
 * [--concurrency N] [--budget X] [--dry-run] [--json]`: every document (folders read
 * through) asked every question, one request a document; progress on stderr,
 * and with --json one line a finished document and a summary; --dry-run
 * prints its price on every configured model and sends nothing.
 * `batch --resume JOB_ID [--budget X]` goes on with a job (a new cap when
 * given); `batch --list` lists them.
 */
export async function batchCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  const { options, services } = context;
  if (options.list) {
    const jobs = services.batch.list();
    if (context.output.json) return printJson(context, jobs);
    for (const job of jobs)
      context.io.stdout(`${[job.id, job.status, `${job.done}/${job.total}`, job.name].join('\t')}\n`);
    return EXIT.ok;
  }
  const keyVariable = options['api-key-env'];
  const apiKey = keyVariable ? context.io.env[keyVariable] : undefined;
  if (keyVariable && !apiKey) throw usage(`the environment variable ${keyVariable} is empty`);
  const withKey = apiKey ? { apiKey } : {};

  const budget = options.budget === undefined ? undefined : Number(options.budget);
  if (budget !== undefined && !(budget > 0)) throw usage('--budget must be an amount above zero');
  if (options.resume) {
    // A new --budget replaces the job's cap; without one, the job keeps its own.
    services.batch.resume(options.resume, {
      ...withKey,
      retryFailed: true,
      ...(budget !== undefined ? { budget } : {}),
    });
    return follow(context, options.resume);
  }

  const files = args.flatMap(documentFiles);
  if (files.length === 0) throw usage('batch takes one or more files or folders of PDF, DOCX, TXT or MD');
  if (!options.questions)
    throw usage(`--questions takes a file or a preset: ${QUESTION_PRESETS.map((p) => p.id).join(', ')}`);
  const providerId = options.provider;
  if (!providerId) throw usage('--provider is required');
  const questions = readQuestions(options.questions, context);
  const provider = services.providers.list().find((p) => p.id === providerId);
  const model = options.model?.[0] ?? provider?.models[0]?.model ?? '';
  const concurrency = wholeNumber(options.concurrency, '--concurrency');

  const documentIds: string[] = [];
  for (const file of files) {
    const doc = await ingestFile(context, file);
    context.io.stderr(
      `lexdesk: ${doc.name}: ${doc.pages ?? '—'} ${context.output.language === 'vi' ? 'trang' : 'pages'}\n`,
    );
    documentIds.push(doc.sha256);
  }
  if (options['dry-run']) {
    // The price on every configured model, the chosen one first; nothing is sent.
    const chosen = (quote: { providerId: string; model: string }) =>
      Number(quote.providerId === providerId && quote.model === model);
    const quotes = services.batch.quote([...new Set(documentIds)], questions).sort((a, b) => chosen(b) - chosen(a));
    return printJson(context, { documents: new Set(documentIds).size, questions: questions.length, quotes });
  }
  const job = services.batch.start(
    {
      name: `${files.length} ${context.output.language === 'vi' ? 'tài liệu' : 'documents'} × ${questions.length}`,
      documentIds: [...new Set(documentIds)],
      questions,
      providerId,
      model,
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(budget !== undefined ? { budget } : {}),
    },
    withKey,
  );
  const estimate = `≈ ${job.estimatedCost.toFixed(4)} ${job.currency}`;
  context.io.stderr(
    context.output.language === 'vi'
      ? `lexdesk: đợt rà soát ${job.id}: ${job.total} tài liệu × ${questions.length} câu hỏi, ${estimate}\n`
      : `lexdesk: batch ${job.id}: ${job.total} documents × ${questions.length} questions, ${estimate}\n`,
  );
  return follow(context, job.id);
}

/** Waits for the job, saying its progress on stderr and, with --json, each finished item on stdout. */
async function follow(context: CommandContext, jobId: string): Promise<ExitCode> {
  const { batch } = context.services;
  const printed = new Set<number>();
  const report = (state: JobState) => {
    const spent = `${state.spent.toFixed(4)} ${state.currency}`;
    const eta = state.etaSeconds === null ? '' : `, ~${state.etaSeconds} s`;
    context.io.stderr(`lexdesk: ${state.done}/${state.total} done, ${state.failed} failed, ${spent}${eta}\n`);
    if (!context.output.json) return;
    for (const item of batch.items(jobId, 0, state.total)) {
      if ((item.status === 'done' || item.status === 'failed') && !printed.has(item.position)) {
        printed.add(item.position);
        context.io.stdout(`${JSON.stringify({ item })}\n`);
      }
    }
  };
  const timer = setInterval(() => report(batch.state(jobId)), 1_000);
  const ended = await batch.finished(jobId);
  clearInterval(timer);
  report(ended);
  if (context.output.json) context.io.stdout(`${JSON.stringify({ job: ended })}\n`);
  if (ended.status === 'paused') {
    context.io.stderr(`lexdesk: paused (${ended.pausedReason}); go on with: lexdesk batch --resume ${ended.id}\n`);
  }
  return ended.status === 'done' && ended.failed === 0 ? EXIT.ok : EXIT.provider;
}

const KINDS = /\.(pdf|docx|txt|md)$/iu;

/** A file, or every document in a folder and the folders in it. */
function documentFiles(path: string): string[] {
  if (!existsSync(path)) return [path];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const inside = join(path, entry.name);
      if (entry.isDirectory()) return documentFiles(inside);
      return KINDS.test(entry.name) ? [inside] : [];
    });
}

/** A preset's questions, a JSON list of { id, text, type }, or a text file of one question a line. */
function readQuestions(given: string, context: CommandContext): BatchQuestion[] {
  const preset = presetQuestions(given, context.output.language);
  if (preset) return preset;
  if (!existsSync(given)) {
    throw usage(`--questions: no file or preset "${given}" (presets: ${QUESTION_PRESETS.map((p) => p.id).join(', ')})`);
  }
  const text = readFileSync(given, 'utf8');
  const listed = given.toLowerCase().endsWith('.json')
    ? JSON.parse(text)
    : text
        .split(/\r?\n/u)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, index) => ({ id: `q${index + 1}`, text: line, type: 'text' }));
  const parsed = questionListSchema.safeParse(listed);
  if (!parsed.success) throw new AppError('INVALID_INPUT', { issues: parsed.error.issues[0]?.message ?? 'questions' });
  return parsed.data;
}

function wholeNumber(given: string | undefined, name: string): number | undefined {
  if (given === undefined) return undefined;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1) throw usage(`${name} must be a whole number above zero`);
  return n;
}
