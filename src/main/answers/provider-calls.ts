import { randomUUID } from 'node:crypto';
import type { AppErrorData } from '../../shared/errors';
import type { Usage } from '../../shared/estimate';
import type { Db } from '../store/database';

/** Why a request went to the provider: the answer it served and its part in it. */
export type CallRole = 'single' | 'map' | 'reduce' | 'follow-up' | 'batch';

/** One request to a provider, as it ended: what it cost, as reported or estimated. */
export interface ProviderCall {
  answerId: string | null;
  role: CallRole;
  /** The part of a long document a map request read. */
  chunkIndex: number | null;
  providerId: string;
  model: string;
  host: string;
  usage: Usage;
  cost: number;
  currency: string;
  /** Whether the provider reported the usage (else it is LexDesk's count). */
  reported: boolean;
  status: 'done' | 'stopped' | 'failed';
  error: Pick<AppErrorData, 'code' | 'message'> | null;
  ttftMs: number | null;
  latencyMs: number | null;
  startedAt: number;
  endedAt: number;
  /** A batch request's job and item (the document's position in it); absent otherwise. */
  batch?: { jobId: string; position: number } | undefined;
}

/** The `provider_calls` table: one row a request, written when it ends. */
export function createProviderCalls(db: Db) {
  const insert = db.prepare(
    `INSERT INTO provider_calls (id, answer_id, role, chunk_index, provider_id, model, host, input_tokens,
       cached_input_tokens, output_tokens, cost, currency, reported, status, error_code, error_message, ttft_ms,
       latency_ms, started_at, ended_at, batch_job_id, batch_position)
     VALUES (@id, @answerId, @role, @chunkIndex, @providerId, @model, @host, @input, @cachedInput, @output, @cost,
       @currency, @reported, @status, @errorCode, @errorMessage, @ttftMs, @latencyMs, @startedAt, @endedAt,
       @batchJobId, @batchPosition)`,
  );
  const selectForJob = db.prepare<[string], CallRow>(
    'SELECT * FROM provider_calls WHERE batch_job_id = ? ORDER BY started_at, batch_position',
  );
  const selectForAnswer = db.prepare<[string], CallRow>(
    'SELECT * FROM provider_calls WHERE answer_id = ? ORDER BY started_at, chunk_index',
  );
  return {
    record(call: ProviderCall): void {
      insert.run({
        id: randomUUID(),
        answerId: call.answerId,
        role: call.role,
        chunkIndex: call.chunkIndex,
        providerId: call.providerId,
        model: call.model,
        host: call.host,
        input: call.usage.input,
        cachedInput: call.usage.cachedInput,
        output: call.usage.output,
        cost: call.cost,
        currency: call.currency,
        reported: call.reported ? 1 : 0,
        status: call.status,
        errorCode: call.error?.code ?? null,
        errorMessage: call.error?.message ?? null,
        ttftMs: call.ttftMs,
        latencyMs: call.latencyMs,
        startedAt: call.startedAt,
        endedAt: call.endedAt,
        batchJobId: call.batch?.jobId ?? null,
        batchPosition: call.batch?.position ?? null,
      });
    },
    /** A batch job's calls, in the order they started. */
    forJob(jobId: string): ProviderCall[] {
      return selectForJob.all(jobId).map(toCall);
    },
    /** An answer's calls, in the order they started. */
    forAnswer(answerId: string): ProviderCall[] {
      return selectForAnswer.all(answerId).map(toCall);
    },
  };
}

export type ProviderCalls = ReturnType<typeof createProviderCalls>;

interface CallRow {
  answer_id: string | null;
  role: CallRole;
  chunk_index: number | null;
  provider_id: string;
  model: string;
  host: string;
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
  cost: number;
  currency: string;
  reported: number;
  status: ProviderCall['status'];
  error_code: AppErrorData['code'] | null;
  error_message: string | null;
  ttft_ms: number | null;
  latency_ms: number | null;
  started_at: number;
  ended_at: number;
  batch_job_id: string | null;
  batch_position: number | null;
}

function toCall(row: CallRow): ProviderCall {
  return {
    answerId: row.answer_id,
    role: row.role,
    chunkIndex: row.chunk_index,
    providerId: row.provider_id,
    model: row.model,
    host: row.host,
    usage: { input: row.input_tokens, cachedInput: row.cached_input_tokens, output: row.output_tokens },
    cost: row.cost,
    currency: row.currency,
    reported: row.reported === 1,
    status: row.status,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    ttftMs: row.ttft_ms,
    latencyMs: row.latency_ms,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    ...(row.batch_job_id !== null ? { batch: { jobId: row.batch_job_id, position: row.batch_position ?? 0 } } : {}),
  };
}
