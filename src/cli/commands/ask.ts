import { parseChannelInput } from '../../main/ipc';
import { type PlannedQuestion, planRefusal } from '../../main/plans/plans-service';
import type { Answer } from '../../shared/answers';
import { documentText } from '../../shared/page-map';
import { type Plan, type Strategy, strategySchema } from '../../shared/plans';
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
  const strategy = strategyOption(context);
  const maxInputTokens = maxInputOption(context);
  const documents = [];
  for (const file of files) documents.push(await ingestFile(context, file));

  // Planned before anything is sent: printed and left there with --dry-run, said on stderr when not whole.
  const planned = context.services.plans.plan({
    documentIds: documents.map((d) => d.sha256),
    providerId,
    model,
    question,
    strategy,
    maxInputTokens,
  });
  if (context.options['dry-run']) return printPlan(context, planned);
  if (!planned.chosen) throw planRefusal(planned, model);
  if (planned.chosen.strategy !== 'whole' || planned.chosen.model !== model) {
    context.io.stderr(`lexdesk: ${planSaid(planned.chosen, context.output.language)}\n`);
  }

  const input = parseChannelInput(
    'ask:start',
    {
      documentIds: documents.map((d) => d.sha256),
      providerId,
      model,
      question,
      fresh: context.options['no-cache'] === true,
      strategy,
      ...(maxInputTokens !== undefined ? { maxInputTokens } : {}),
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

const STRATEGIES = strategySchema.options;

/** The plan taken, in a line for stderr: how many parts, and what it is expected to cost. */
function planSaid(plan: Plan, language: 'vi' | 'en'): string {
  const tokens = plan.estimate.input.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-US');
  const cost = `${plan.estimate.cost.toFixed(4)} ${plan.estimate.currency}`;
  if (plan.strategy === 'whole') {
    return language === 'vi'
      ? `tài liệu vừa với ${plan.model}, hỏi bằng mô hình này: ≈ ${tokens} token đầu vào, ≈ ${cost}`
      : `the documents fit ${plan.model}, asked with it: ≈ ${tokens} input tokens, ≈ ${cost}`;
  }
  if (plan.strategy === 'focused') {
    const share = Math.round((100 * plan.coverage.charsSent) / Math.max(1, plan.coverage.chars));
    const left = plan.coverage.pagesLeftOut.reduce((sum, doc) => sum + doc.pages.length, 0);
    return language === 'vi'
      ? `chỉ gửi ${plan.chunks.length} đoạn liên quan nhất đến câu hỏi cho ${plan.model} (${share}% văn bản${left > 0 ? `, ${left} trang không được gửi` : ''}); câu trả lời có thể thiếu phần không được gửi: ≈ ${tokens} token đầu vào, ≈ ${cost}`
      : `sending ${plan.model} only the ${plan.chunks.length} passages most relevant to the question (${share}% of the text${left > 0 ? `, ${left} pages not sent` : ''}); the answer may miss what was not sent: ≈ ${tokens} input tokens, ≈ ${cost}`;
  }
  return language === 'vi'
    ? `tài liệu dài hơn giới hạn đầu vào của ${plan.model}; đọc theo ${plan.chunks.length} phần rồi tổng hợp: ≈ ${tokens} token đầu vào, ${plan.estimate.calls} yêu cầu, ≈ ${cost}`
    : `the documents are longer than ${plan.model}'s context window; reading them in ${plan.chunks.length} parts, then joining: ≈ ${tokens} input tokens, ${plan.estimate.calls} requests, ≈ ${cost}`;
}

function strategyOption(context: CommandContext): Strategy {
  const given = context.options.strategy ?? 'auto';
  const parsed = strategySchema.safeParse(given);
  if (!parsed.success) throw usage(`--strategy must be one of ${STRATEGIES.join(', ')}`);
  return parsed.data;
}

function maxInputOption(context: CommandContext): number | undefined {
  const given = context.options['max-input-tokens'];
  if (given === undefined) return undefined;
  const tokens = Number(given);
  if (!Number.isInteger(tokens) || tokens < 1) throw usage('--max-input-tokens must be a whole number of tokens');
  return tokens;
}

/** `--dry-run`: the plan the question would take and its estimate, as JSON; nothing is sent. */
function printPlan(context: CommandContext, planned: PlannedQuestion): ExitCode {
  const withText = context.options['with-text'] === true;
  const texts = new Map<string, string>();
  const textOf = (sha256: string) => {
    let text = texts.get(sha256);
    if (text === undefined) {
      text = documentText(context.services.documents.get(sha256).pageTexts);
      texts.set(sha256, text);
    }
    return text;
  };
  const shown = (plan: Plan) => ({
    strategy: plan.strategy,
    provider: plan.providerId,
    model: plan.model,
    fits: plan.fits,
    chunks: plan.chunks.map((chunk) => ({
      ...chunk,
      ...(withText ? { text: textOf(chunk.document).slice(chunk.start, chunk.end) } : {}),
    })),
    coverage: plan.coverage,
    estimate: plan.estimate,
  });
  const brief = (plan: Plan) => ({
    strategy: plan.strategy,
    provider: plan.providerId,
    model: plan.model,
    fits: plan.fits,
    chunks: plan.chunks.length,
    estimate: plan.estimate,
  });
  const result = {
    plan: planned.chosen ? shown(planned.chosen) : null,
    reason: planned.reason,
    plans: planned.plans.map(brief),
  };
  context.io.stdout(`${JSON.stringify(result, null, context.output.json ? undefined : 2)}\n`);
  return planned.chosen ? EXIT.ok : exitCodeFor('CONTEXT_TOO_LONG');
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
    // How it read the documents when not whole: the parts, the coverage, the parts that failed.
    plan: answer.plan,
    ...(answer.error ? { error: answer.error } : {}),
  };
}
