import type {
  BatchCell,
  BatchItem,
  BatchQuestion,
  ItemStatus,
  JobState,
  JobStatus,
  PauseReason,
} from '../../shared/batch';
import type { AppErrorData } from '../../shared/errors';
import type { Language } from '../../shared/language';
import type { Coverage } from '../../shared/plans';
import type { Db } from '../store/database';

/**
 * The batch tables (migration 017). Every change of an item is one statement
 * or one transaction, so a crash leaves each item pending, running (its
 * request was out: asked again) or ended, never half-written.
 */

export interface NewJob {
  id: string;
  name: string;
  providerId: string;
  model: string;
  language: Language;
  questions: readonly BatchQuestion[];
  concurrency: number;
  fresh: boolean;
  budget: number | null;
  estimatedCost: number;
  currency: string;
  matterId: string | null;
  items: readonly { document: string; estimatedInput: number; cacheKey: string }[];
  now: number;
}

/** An item as the runner takes it to ask. */
export interface ClaimedItem {
  position: number;
  document: string;
  attempts: number;
  estimatedInput: number;
  cacheKey: string;
}

interface JobRow {
  id: string;
  name: string;
  provider_id: string;
  model: string;
  language: Language;
  questions: string;
  status: JobStatus;
  paused_reason: PauseReason | null;
  concurrency: number;
  fresh: number;
  budget: number | null;
  estimated_cost: number;
  spent: number;
  currency: string;
  matter_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface JobRecord {
  id: string;
  name: string;
  providerId: string;
  model: string;
  language: Language;
  questions: BatchQuestion[];
  status: JobStatus;
  pausedReason: PauseReason | null;
  concurrency: number;
  fresh: boolean;
  budget: number | null;
  estimatedCost: number;
  spent: number;
  currency: string;
  createdAt: number;
  updatedAt: number;
}

interface ItemRow {
  position: number;
  document_sha256: string;
  name: string | null;
  status: ItemStatus;
  attempts: number;
  cells: string | null;
  cost: number;
  from_cache: number;
  error_code: AppErrorData['code'] | null;
  error_message: string | null;
}

export function createBatchStore(db: Db) {
  const insertJob = db.prepare(
    `INSERT INTO batch_jobs (id, name, provider_id, model, language, questions, status, concurrency, fresh, budget,
       estimated_cost, currency, matter_id, created_at, updated_at)
     VALUES (@id, @name, @providerId, @model, @language, @questions, 'running', @concurrency, @fresh, @budget,
       @estimatedCost, @currency, @matterId, @now, @now)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO batch_items (job_id, position, document_sha256, status, estimated_input, cache_key, updated_at)
     VALUES (?, ?, ?, 'pending', ?, ?, ?)`,
  );
  const selectJob = db.prepare<[string], JobRow>('SELECT * FROM batch_jobs WHERE id = ?');
  const selectJobs = db.prepare<[], JobRow>('SELECT * FROM batch_jobs ORDER BY created_at DESC');
  const selectRunning = db.prepare<[], { id: string }>("SELECT id FROM batch_jobs WHERE status = 'running'");
  // Read through batch_items_by_status: a count a status, never the items themselves.
  const countByStatus = db.prepare<[string], { status: ItemStatus; n: number }>(
    'SELECT status, count(*) AS n FROM batch_items WHERE job_id = ? GROUP BY status',
  );
  const claim = db.prepare<
    [{ jobId: string; now: number }],
    { position: number; document_sha256: string; attempts: number; estimated_input: number; cache_key: string }
  >(
    `UPDATE batch_items SET status = 'running', attempts = attempts + 1, updated_at = @now
      WHERE job_id = @jobId
        AND position = (SELECT position FROM batch_items WHERE job_id = @jobId AND status = 'pending'
                        ORDER BY attempts, position LIMIT 1)
      RETURNING position, document_sha256, attempts, estimated_input, cache_key`,
  );
  const nextPending = db.prepare<[string], { estimated_input: number }>(
    "SELECT estimated_input FROM batch_items WHERE job_id = ? AND status = 'pending' ORDER BY attempts, position LIMIT 1",
  );
  const finishItem = db.prepare(
    `UPDATE batch_items SET status = 'done', cells = @cells, coverage = @coverage, cost = cost + @cost,
       from_cache = @fromCache, error_code = NULL, error_message = NULL, updated_at = @now
     WHERE job_id = @jobId AND position = @position AND status = 'running'`,
  );
  const failItem = db.prepare(
    `UPDATE batch_items SET status = @status, cost = cost + @cost, error_code = @code, error_message = @message,
       updated_at = @now
     WHERE job_id = @jobId AND position = @position AND status = 'running'`,
  );
  const setBudget = db.prepare('UPDATE batch_jobs SET budget = ?, updated_at = ? WHERE id = ?');
  const addSpent = db.prepare('UPDATE batch_jobs SET spent = spent + ?, updated_at = ? WHERE id = ?');
  const setStatus = db.prepare('UPDATE batch_jobs SET status = ?, paused_reason = ?, updated_at = ? WHERE id = ?');
  const unclaimAll = db.prepare(
    "UPDATE batch_items SET status = 'pending', updated_at = ? WHERE job_id = ? AND status = 'running'",
  );
  const retryFailed = db.prepare(
    "UPDATE batch_items SET status = 'pending', attempts = 0, updated_at = ? WHERE job_id = ? AND status = 'failed'",
  );
  const answered = db.prepare<[string], { cells: string; coverage: string | null }>(
    "SELECT cells, coverage FROM batch_items WHERE cache_key = ? AND status = 'done' AND cells IS NOT NULL LIMIT 1",
  );
  // Positions run 0, 1, 2… with no gap: a page starts at its first position, read through the primary key, not skipped to.
  const selectItems = db.prepare<[string, number, number], ItemRow>(
    `SELECT i.position, i.document_sha256, d.name, i.status, i.attempts, i.cells, i.cost, i.from_cache,
            i.error_code, i.error_message
       FROM batch_items i LEFT JOIN documents d ON d.sha256 = i.document_sha256
      WHERE i.job_id = ? AND i.position >= ? ORDER BY i.position LIMIT ?`,
  );

  return {
    create(job: NewJob): void {
      db.transaction(() => {
        insertJob.run({ ...job, fresh: job.fresh ? 1 : 0, questions: JSON.stringify(job.questions) });
        job.items.forEach((item, position) => {
          insertItem.run(job.id, position, item.document, item.estimatedInput, item.cacheKey, job.now);
        });
      })();
    },
    job(id: string): JobRecord | null {
      const row = selectJob.get(id);
      return row ? toJob(row) : null;
    },
    jobs(): JobRecord[] {
      return selectJobs.all().map(toJob);
    },
    runningJobIds(): string[] {
      return selectRunning.all().map((row) => row.id);
    },
    counts(id: string): Record<ItemStatus, number> {
      const counts: Record<ItemStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
      for (const row of countByStatus.all(id)) counts[row.status] = row.n;
      return counts;
    },
    /**
     * The next pending item (the fewest attempts first: one that failed goes
     * after those not yet asked), marked running with one more attempt; null
     * when none is left.
     */
    claim(jobId: string, now: number): ClaimedItem | null {
      const row = claim.get({ jobId, now });
      if (!row) return null;
      return {
        position: row.position,
        document: row.document_sha256,
        attempts: row.attempts,
        estimatedInput: row.estimated_input,
        cacheKey: row.cache_key,
      };
    },
    /** The estimated input of the item that would be claimed next, or null. */
    nextEstimate(jobId: string): number | null {
      return nextPending.get(jobId)?.estimated_input ?? null;
    },
    /** The item answered: its cells, and its cost added to the job's spend, in one transaction. */
    finish(
      jobId: string,
      position: number,
      ended: { cells: BatchCell[]; coverage: Coverage | null; cost: number; fromCache: boolean; now: number },
    ): void {
      db.transaction(() => {
        finishItem.run({
          jobId,
          position,
          cells: JSON.stringify(ended.cells),
          coverage: ended.coverage ? JSON.stringify(ended.coverage) : null,
          cost: ended.cost,
          fromCache: ended.fromCache ? 1 : 0,
          now: ended.now,
        });
        addSpent.run(ended.cost, ended.now, jobId);
      })();
    },
    /** The item not answered: back to pending (to be asked again) or failed, its cost so far kept. */
    unfinished(
      jobId: string,
      position: number,
      ended: {
        status: 'pending' | 'failed';
        cost: number;
        error: Pick<AppErrorData, 'code' | 'message'> | null;
        now: number;
      },
    ): void {
      db.transaction(() => {
        failItem.run({
          jobId,
          position,
          status: ended.status,
          cost: ended.cost,
          code: ended.error?.code ?? null,
          message: ended.error?.message ?? null,
          now: ended.now,
        });
        addSpent.run(ended.cost, ended.now, jobId);
      })();
    },
    /** A new cap (null: none), when the lawyer resumes a job the budget stopped. */
    setBudget(id: string, budget: number | null, now: number): void {
      setBudget.run(budget, now, id);
    },
    setStatus(id: string, status: JobStatus, reason: PauseReason | null, now: number): void {
      setStatus.run(status, reason, now, id);
    },
    /** Items left running by a crash or a stop go back to pending: their requests did not end here. */
    unclaimAll(id: string, now: number): void {
      unclaimAll.run(now, id);
    },
    retryFailed(id: string, now: number): void {
      retryFailed.run(now, id);
    },
    /** Cells an earlier item already answered for the same document, questions and model. */
    answered(cacheKey: string): { cells: BatchCell[]; coverage: Coverage | null } | null {
      const row = answered.get(cacheKey);
      return row ? { cells: JSON.parse(row.cells), coverage: row.coverage ? JSON.parse(row.coverage) : null } : null;
    },
    items(id: string, offset: number, limit: number): BatchItem[] {
      return selectItems.all(id, offset, limit).map((row) => ({
        position: row.position,
        document: row.document_sha256,
        documentName: row.name ?? '',
        status: row.status,
        attempts: row.attempts,
        cells: row.cells ? JSON.parse(row.cells) : null,
        cost: row.cost,
        fromCache: row.from_cache === 1,
        error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
      }));
    },
  };
}

export type BatchStore = ReturnType<typeof createBatchStore>;

function toJob(row: JobRow): JobRecord {
  return {
    id: row.id,
    name: row.name,
    providerId: row.provider_id,
    model: row.model,
    language: row.language,
    questions: JSON.parse(row.questions),
    status: row.status,
    pausedReason: row.paused_reason,
    concurrency: row.concurrency,
    fresh: row.fresh === 1,
    budget: row.budget,
    estimatedCost: row.estimated_cost,
    spent: row.spent,
    currency: row.currency,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A job's state from its record and counts; the ETA from the pace of the items ended so far. */
export function jobState(
  job: JobRecord,
  counts: Record<ItemStatus, number>,
  pace: { startedAt: number; ended: number } | null,
  now: number,
): JobState {
  const total = counts.pending + counts.running + counts.done + counts.failed;
  const left = counts.pending + counts.running;
  const eta =
    pace && pace.ended > 0 && job.status === 'running'
      ? Math.round((((now - pace.startedAt) / pace.ended) * left) / 1000)
      : null;
  return {
    id: job.id,
    name: job.name,
    providerId: job.providerId,
    model: job.model,
    status: job.status,
    pausedReason: job.pausedReason,
    questions: job.questions,
    total,
    done: counts.done,
    failed: counts.failed,
    running: counts.running,
    spent: job.spent,
    estimatedCost: job.estimatedCost,
    budget: job.budget,
    currency: job.currency,
    etaSeconds: eta,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
