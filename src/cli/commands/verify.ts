import { countVerdicts } from '../../main/citations/verify-citations';
import { type CommandContext, printJson, usage, value } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';

/**
 * `verify ANSWER_ID [--json]`: each citation of a stored analysis checked
 * against its documents again: the quote, where it was found, the verdict.
 */
export async function verifyCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  const [answerId, ...extra] = args;
  if (!answerId || extra.length > 0) throw usage('verify takes one answer id');
  const answer = await value(context.api.answers.get({ answerId }));
  const checks = context.services.citations.check(answer.text, answer.documentIds);
  const citations = checks.map((check) => ({ citation: answer.text.slice(check.start, check.end), ...check }));
  if (context.output.json) return printJson(context, { answerId, counts: countVerdicts(checks), citations });
  for (const c of citations) {
    const where =
      c.foundPages.length > 0
        ? ` (found on p. ${c.foundPages.join(', ')}${c.foundIn.length > 0 ? `, ${c.foundIn.join(' > ')}` : ''})`
        : '';
    const quote = c.quote ? ` “${c.quote.length > 80 ? `${c.quote.slice(0, 77)}…` : c.quote}”` : '';
    context.io.stdout(`${c.verdict.padEnd(12)} ${c.citation}${quote}${where}\n`);
  }
  return EXIT.ok;
}
