import { z } from 'zod';
import type { AnswerType, BatchQuestion } from '../../shared/batch';
import type { RawBatchReply } from '../../shared/batch-prompt';

/**
 * A batch reply read: the JSON object found in the model's text (bare, or in
 * a ```json fence, or with words around it), checked with zod, one answer for
 * each question. Values are brought to their question's type where the
 * meaning is plain ("Yes" is "yes", one party is a list of one); a value that
 * cannot be is dropped (null) and the answer's words kept. A reply that is no
 * such object, or leaves a question out, is a problem the runner asks the
 * model to mend once.
 */

const citationSchema = z.object({
  page: z
    .union([z.number().int(), z.string().regex(/^\d+$/u).transform(Number)])
    .nullable()
    .catch(null),
  clause: z.string().nullable().catch(null),
  quote: z.string().nullable().catch(null),
});

const answerSchema = z.object({
  id: z.string(),
  found: z.boolean(),
  answer: z.string(),
  value: z.unknown().optional(),
  citations: z.array(citationSchema).catch([]),
});

const replySchema = z.object({ answers: z.array(answerSchema) });

export type ReadReply = { ok: true; answers: RawBatchReply['answers'] } | { ok: false; problem: string };

export function readBatchReply(text: string, questions: readonly BatchQuestion[]): ReadReply {
  const json = jsonIn(text);
  if (json === undefined) return { ok: false, problem: 'the reply holds no JSON object' };
  const parsed = replySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `the JSON is not in the form asked: ${issue?.path.join('.')} ${issue?.message}` };
  }
  const byId = new Map(parsed.data.answers.map((answer) => [answer.id.trim(), answer]));
  const missing = questions.filter((q) => !byId.has(q.id)).map((q) => q.id);
  if (missing.length > 0) return { ok: false, problem: `no answer for ${missing.join(', ')}` };
  return {
    ok: true,
    answers: questions.map((q) => {
      const answer = byId.get(q.id) as z.infer<typeof answerSchema>;
      return {
        id: q.id,
        found: answer.found,
        answer: answer.answer.trim(),
        value: answer.found ? typedValue(answer.value, q.type) : null,
        citations: answer.found ? answer.citations : [],
      };
    }),
  };
}

/** The first JSON object in the text: the whole text, a fenced block, or from its first `{` to its last `}`. */
function jsonIn(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/u.exec(text)?.[1];
  const from = text.indexOf('{');
  const to = text.lastIndexOf('}');
  for (const candidate of [text.trim(), fenced?.trim(), from !== -1 && to > from ? text.slice(from, to + 1) : null]) {
    if (!candidate) continue;
    try {
      const value: unknown = JSON.parse(candidate);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // The next candidate.
    }
  }
  return undefined;
}

const YES = new Set(['yes', 'có', 'co', 'true', 'y']);
const NO = new Set(['no', 'không', 'khong', 'false', 'n']);

/** A value in its question's type, or null when it is none. */
function typedValue(value: unknown, type: AnswerType): string | string[] | null {
  const items = (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value])
    .filter((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
    .map((item) => String(item).trim())
    .filter((item) => item !== '');
  if (type === 'parties' || type === 'list') return items.length > 0 ? items : null;
  const one = items.join('; ');
  if (one === '') return null;
  if (type === 'yes-no') {
    const word = one.toLocaleLowerCase('vi');
    return YES.has(word) ? 'yes' : NO.has(word) ? 'no' : null;
  }
  if (type === 'date') return isCalendarDate(one) ? one : null;
  return one;
}

/** "YYYY-MM-DD" naming a day the calendar has (not 30 February, which Date.parse rolls into March). */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
