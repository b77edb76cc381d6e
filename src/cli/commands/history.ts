import { HIT_END, HIT_START } from '../../shared/history';
import { type CommandContext, printJson, usage, value } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';
import { resolveMatter } from './matters';

const shown = (snippet: string) => snippet.replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');

/** `history [--search Q]`: past analyses newest first, or what matches Q (with or without diacritics). */
export async function historyCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  if (args.length > 0) throw usage('history takes no arguments; use --search');
  const query = context.options.search;
  if (query !== undefined) {
    const hits = await value(context.api.history.search({ query, limit: 50 }));
    if (context.output.json)
      return printJson(
        context,
        hits.map((hit) => ({ ...hit, snippet: shown(hit.snippet) })),
      );
    for (const hit of hits) {
      const where =
        hit.kind === 'answer' ? hit.answerId : hit.kind === 'page' ? `${hit.title} p. ${hit.page}` : hit.title;
      context.io.stdout(`${hit.kind}\t${where}\t${shown(hit.snippet).replace(/\s+/g, ' ')}\n`);
    }
    return EXIT.ok;
  }
  const matter = context.options.matter ? await resolveMatter(context, context.options.matter) : undefined;
  const page = await value(
    context.api.history.page({ limit: 100, offset: 0, ...(matter ? { matterId: matter.id } : {}) }),
  );
  if (context.output.json) return printJson(context, page);
  for (const item of page.items) {
    const date = new Date(item.createdAt).toISOString().slice(0, 16).replace('T', ' ');
    const cost = item.cost === null ? '' : `${item.cost.toFixed(4)} ${item.currency}`;
    context.io.stdout(`${item.answerId}\t${date}\t${item.status}\t${item.model}\t${cost}\t${item.question}\n`);
  }
  return EXIT.ok;
}

/** `show ANSWER_ID`: one past analysis in full. */
export async function showCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  const [answerId, ...extra] = args;
  if (!answerId || extra.length > 0) throw usage('show takes one answer id');
  const answer = await value(context.api.answers.get({ answerId }));
  if (context.output.json) return printJson(context, answer);
  const lines = [
    `# ${answer.question}`,
    '',
    answer.text,
    '',
    `${answer.providerName} / ${answer.model} · ${answer.status} · ${new Date(answer.createdAt).toISOString()}`,
    answer.usage
      ? `tokens: ${answer.usage.input} in (${answer.usage.cachedInput} cached), ${answer.usage.output} out`
      : `tokens: ≈ ${answer.estimatedInput} in`,
    `cost: ${answer.cost ?? 0} ${answer.currency}`,
  ];
  context.io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
