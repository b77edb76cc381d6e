import type { Answer, AnswerPlan, AnswerStatus, CitationCheck } from '../../shared/answers';
import type { AppErrorData } from '../../shared/errors';
import type { Usage } from '../../shared/estimate';
import type { Db } from '../store/database';

interface AnswerRow {
  id: string;
  question: string;
  provider_id: string;
  provider_name: string;
  model: string;
  status: AnswerStatus;
  text: string;
  input_tokens: number | null;
  cached_input_tokens: number | null;
  output_tokens: number | null;
  estimated_input: number;
  cost: number | null;
  currency: string;
  ttft_ms: number | null;
  latency_ms: number | null;
  error_code: AppErrorData['code'] | null;
  error_message: string | null;
  finish_reason: string | null;
  matter_id: string | null;
  follows: string | null;
  plan: string | null;
  citations: string | null;
  created_at: number;
  updated_at: number;
}

export interface NewAnswer {
  id: string;
  cacheKey: string;
  question: string;
  documentIds: readonly string[];
  providerId: string;
  providerName: string;
  model: string;
  estimatedInput: number;
  currency: string;
  follows: string | null;
  /** Null: read whole. */
  plan: AnswerPlan | null;
  createdAt: number;
}

export interface AnswerProgress {
  text: string;
  outputTokens: number | null;
  updatedAt: number;
}

export interface AnswerOutcome {
  status: Exclude<AnswerStatus, 'streaming'>;
  text: string;
  finishReason: string | null;
  usage: Usage | null;
  cost: number | null;
  ttftMs: number | null;
  latencyMs: number;
  error: Pick<AppErrorData, 'code' | 'message'> | null;
  /** What the answer read, as it ended (the parts that failed); undefined leaves it as created. */
  plan?: AnswerPlan;
  /** Its citations as checked against the documents. */
  citations?: CitationCheck[];
  updatedAt: number;
}

/** The answers tables' statements, as SQL with parameters. */
function answerStatements(db: Db) {
  return {
    insertAnswer: db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, estimated_input, currency,
         cache_key, follows, plan, created_at, updated_at)
       VALUES (@id, @question, @providerId, @providerName, @model, 'streaming', @estimatedInput, @currency,
         @cacheKey, @follows, @plan, @createdAt, @createdAt)`,
    ),
    insertDocument: db.prepare('INSERT INTO answer_documents (answer_id, position, document_sha256) VALUES (?, ?, ?)'),
    updateProgress: db.prepare(
      `UPDATE answers SET text = @text, output_tokens = @outputTokens, updated_at = @updatedAt
       WHERE id = @id AND status = 'streaming'`,
    ),
    updateOutcome: db.prepare(
      `UPDATE answers SET status = @status, text = @text, input_tokens = @input, cached_input_tokens = @cachedInput,
         output_tokens = @output, cost = @cost, ttft_ms = @ttftMs, latency_ms = @latencyMs, error_code = @errorCode,
         error_message = @errorMessage, finish_reason = @finishReason, plan = COALESCE(@plan, plan),
         citations = @citations,
         updated_at = @updatedAt
       WHERE id = @id`,
    ),
    selectOne: db.prepare<[string], AnswerRow>('SELECT * FROM answers WHERE id = ?'),
    selectDocuments: db.prepare<[string], { document_sha256: string }>(
      'SELECT document_sha256 FROM answer_documents WHERE answer_id = ? ORDER BY position',
    ),
    interruptStreaming: db.prepare<[number]>(
      "UPDATE answers SET status = 'interrupted', updated_at = ? WHERE status = 'streaming'",
    ),
    // A cut-off answer is only the start of one: it is not served again.
    selectCached: db.prepare<[string], { id: string }>(
      `SELECT id FROM answers WHERE cache_key = ? AND status = 'done' AND finish_reason IS NOT 'length'
        ORDER BY created_at DESC LIMIT 1`,
    ),
    insertHit: db.prepare<[string, number, number]>(
      'INSERT INTO cache_hits (answer_id, hit_at, saved_cost) VALUES (?, ?, ?)',
    ),
    selectStats: db.prepare<[], { hits: number; saved: number }>(
      'SELECT count(*) AS hits, COALESCE(sum(saved_cost), 0) AS saved FROM cache_hits',
    ),
  };
}

export type AnswerRows = ReturnType<typeof createAnswerRows>;

/** The answers tables, as SQL with parameters. The matter an answer is filed under is the matters module's. */
export function createAnswerRows(db: Db) {
  const sql = answerStatements(db);
  // The row exists, with its documents, before the first byte is sent; `alsoInside` (filing it under a matter)
  // happens in the same transaction.
  const create = db.transaction((answer: NewAnswer, alsoInside?: () => void) => {
    const { documentIds: _documents, plan, ...row } = answer;
    sql.insertAnswer.run({ ...row, plan: plan === null ? null : JSON.stringify(plan) });
    for (const [position, sha256] of answer.documentIds.entries()) sql.insertDocument.run(answer.id, position, sha256);
    alsoInside?.();
  });
  const get = (id: string): Answer | undefined => {
    const row = sql.selectOne.get(id);
    return row
      ? toAnswer(
          row,
          sql.selectDocuments.all(id).map((d) => d.document_sha256),
        )
      : undefined;
  };

  return {
    create,
    get,
    /** An answer's documents, in the order asked, without reading its text. */
    documentIds: (id: string): string[] => sql.selectDocuments.all(id).map((d) => d.document_sha256),
    /** The latest complete answer with this cache key. */
    cached: (cacheKey: string) => sql.selectCached.get(cacheKey)?.id,
    recordHit: (answerId: string, at: number, savedCost: number) => sql.insertHit.run(answerId, at, savedCost),
    cacheStats: () => sql.selectStats.get() ?? { hits: 0, saved: 0 },
    progress(id: string, progress: AnswerProgress) {
      sql.updateProgress.run({ id, ...progress });
    },
    finish(id: string, outcome: AnswerOutcome) {
      sql.updateOutcome.run({
        id,
        status: outcome.status,
        text: outcome.text,
        input: outcome.usage?.input ?? null,
        cachedInput: outcome.usage?.cachedInput ?? null,
        output: outcome.usage?.output ?? null,
        cost: outcome.cost,
        ttftMs: outcome.ttftMs,
        latencyMs: outcome.latencyMs,
        errorCode: outcome.error?.code ?? null,
        errorMessage: outcome.error?.message ?? null,
        finishReason: outcome.finishReason,
        plan: outcome.plan ? JSON.stringify(outcome.plan) : null,
        citations: outcome.citations ? JSON.stringify(outcome.citations) : null,
        updatedAt: outcome.updatedAt,
      });
    },
    /** At start-up: an answer still marked streaming was cut off by a crash; it keeps its text. */
    markInterrupted: (now: number): number => sql.interruptStreaming.run(now).changes,
  };
}

function toAnswer(row: AnswerRow, documentIds: string[]): Answer {
  const usage =
    row.input_tokens === null || row.output_tokens === null
      ? null
      : { input: row.input_tokens, cachedInput: row.cached_input_tokens ?? 0, output: row.output_tokens };
  return {
    id: row.id,
    question: row.question,
    documentIds,
    providerId: row.provider_id,
    providerName: row.provider_name,
    model: row.model,
    status: row.status,
    text: row.text,
    usage: row.status === 'streaming' ? null : usage,
    estimatedInput: row.estimated_input,
    cost: row.cost,
    currency: row.currency,
    ttftMs: row.ttft_ms,
    latencyMs: row.latency_ms,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    finishReason: row.finish_reason,
    matterId: row.matter_id,
    follows: row.follows,
    plan: row.plan === null ? null : (JSON.parse(row.plan) as AnswerPlan),
    citations: row.citations === null ? null : (JSON.parse(row.citations) as CitationCheck[]),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
