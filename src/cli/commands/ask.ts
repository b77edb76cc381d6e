import { parseChannelInput } from '../../main/ipc';
import type { Answer } from '../../shared/answers';
import { type CommandContext, usage, value } from '../context';
import { EXIT, type ExitCode, exitCodeFor } from '../exit-codes';
import { ingestFile } from './ingest';
import { resolveMatter } from './matters';

/**
 * `ask FILE... "QUESTION" --provider ID [--model M] [--api-key-env VAR] [--json]`:
 * streams the answer to stdout; with --json, one final line describes it.
 */
export async function askCommand(args: string[], context: CommandContext): Promise<ExitCode> {
  const question = args.at(-1);
  const files = args.slice(0, -1);
  if (!question || files.length === 0) throw usage('ask takes one or more files and then the question');
  const providerId = context.options.provider;
  if (!providerId) throw usage('--provider is required');
  const keyVariable = context.options['api-key-env'];
  // The key comes from the secret store or from the environment, never from an argument.
  const apiKey = keyVariable ? context.io.env[keyVariable] : undefined;
  if (keyVariable && !apiKey) throw usage(`the environment variable ${keyVariable} is empty`);

  // Before anything is read or paid for: a mistyped matter must not cost a call.
  const matter = context.options.matter ? await resolveMatter(context, context.options.matter) : undefined;
  const providers = await value(context.api.providers.list());
  const provider = providers.find((p) => p.id === providerId);
  const model = context.options.model?.[0] ?? provider?.models[0]?.model ?? '';
  const documents = [];
  for (const file of files) documents.push(await ingestFile(context, file));

  const input = parseChannelInput(
    'ask:start',
    {
      documentIds: documents.map((d) => d.sha256),
      providerId,
      model,
      question,
      fresh: context.options['no-cache'] === true,
      ...(matter ? { matterId: matter.id } : {}),
    },
    context.output.language,
  );
  const started = context.services.ask.start(input, {
    apiKey,
    onEvent: (event) => {
      if (!context.output.json && event.kind === 'delta') context.io.stdout(event.text);
      if (!context.output.json && event.kind === 'retry') {
        context.io.stderr(`lexdesk: ${event.reason}, retrying in ${event.secondsLeft} s (attempt ${event.attempt})\n`);
      }
    },
  });
  const answer = await started.finished;
  if (context.output.json) context.io.stdout(`${JSON.stringify(summary(answer, started.cached))}\n`);
  else if (started.cached) {
    context.io.stdout(`${answer.text}\n`);
    context.io.stderr(
      `lexdesk: ${context.output.language === 'vi' ? 'câu trả lời từ lịch sử, không mất phí' : 'answer from history, at no cost'}\n`,
    );
  } else {
    context.io.stdout('\n');
    if (answer.error) context.io.stderr(`lexdesk: ${answer.error.message} [${answer.error.code}]\n`);
  }
  return answer.error ? exitCodeFor(answer.error.code) : EXIT.ok;
}

/** The final JSON line scripts rely on; for a failed or interrupted answer, `text` holds what arrived. */
function summary(answer: Answer, cached: boolean) {
  return {
    answerId: answer.id,
    status: answer.status,
    text: answer.text,
    // Null when the provider reported none (a stopped or failed answer); `cost` is then estimated.
    usage: answer.usage,
    // A cached answer costs nothing this time.
    cost: { amount: cached ? 0 : (answer.cost ?? 0), currency: answer.currency },
    cached,
    ttftMs: answer.ttftMs,
    latencyMs: answer.latencyMs,
    ...(answer.error ? { error: answer.error } : {}),
  };
}
