import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Encoding } from '../../shared/documents';
import { AppError } from '../../shared/errors';
import { startWorker, type WorkerEntry, workerEntry } from '../worker-entry';
import { type CountedExtraction, type Extraction, type ExtractProgress, type RawPages, withAllCounts } from './extract';
import type { ExtractReply, ExtractRequest, WarmUpRequest } from './extraction-protocol';
import { DOCUMENT_LIMITS } from './limits';

export interface Extractor {
  extract(
    bytes: Uint8Array,
    name: string,
    password: string | undefined,
    onProgress: (progress: ExtractProgress) => void,
  ): Promise<Extraction>;
  /** Starts the workers and loads pdf.js and the tokenizers ahead of the first file (the app calls it once its window is up). */
  warmUp(): void;
  close(): Promise<void>;
}

export interface ExtractionPoolOptions {
  stallMs?: number;
  /** The worker script; tests pass one that hangs or dies on purpose. */
  entry?: WorkerEntry;
  /** How many workers share a long PDF's pages; one per core, at most two. */
  workers?: number;
  /** Each worker's JavaScript heap, in MB; tests make it small. */
  workerHeapMb?: number;
}

/** Which encodings each worker counts when a PDF was read in shards: the two counts run side by side. */
const COUNTED_BY: Encoding[][] = [['o200k_base'], ['cl100k_base']];

interface Job {
  bytes: Uint8Array;
  name: string;
  password: string | undefined;
  onProgress(progress: ExtractProgress): void;
  resolve(extraction: Extraction): void;
  reject(error: AppError): void;
}

/** A request in flight in one worker. */
interface Ask {
  id: number;
  resolve(reply: ExtractReply & { type: 'pages' | 'done' }): void;
  reject(error: Error): void;
  onProgress(progress: ExtractProgress): void;
}

/**
 * Long-lived extraction workers (pdf.js stays loaded: the warm path), fed one
 * file at a time. A PDF's pages are split between the workers, and the two
 * token counts run one in each; other files go to one worker. A file that
 * shows no progress for `stallMs` is stopped with EXTRACTION_TIMEOUT and its
 * workers replaced, so a damaged file cannot hang the app.
 */
export function createExtractionPool({
  stallMs = DOCUMENT_LIMITS.stallMs,
  entry = workerEntry('extraction-worker', __dirname),
  workers: size = Math.min(2, availableParallelism()),
  workerHeapMb = DOCUMENT_LIMITS.workerHeapMb,
}: ExtractionPoolOptions = {}): Extractor {
  const slots: (Worker | undefined)[] = Array.from({ length: size }, () => undefined);
  const asks = new Map<Worker, Ask>();
  const queue: Job[] = [];
  let running = false;
  let watchdog: NodeJS.Timeout | undefined;
  let onStall: (() => void) | undefined;
  /** The current file's requests, so it ends only once each worker has answered or died. */
  let inFlight: Promise<unknown>[] = [];
  let nextId = 1;

  function spawn(index: number): Worker {
    const spawned = startWorker(entry, workerHeapMb);
    spawned.on('message', (reply: ExtractReply) => onReply(spawned, reply));
    // A worker that dies (out of memory on a hostile file, say) fails only the file it was reading.
    const died = (reason: string) => {
      if (slots[index] === spawned) slots[index] = undefined;
      const ask = asks.get(spawned);
      asks.delete(spawned);
      ask?.reject(new WorkerDied(reason));
    };
    spawned.on('error', (error) => died(error.message));
    spawned.on('exit', (code) => died(`extraction worker exited with code ${code}`));
    // An idle worker must not keep the CLI alive.
    spawned.unref();
    return spawned;
  }

  function worker(index: number): Worker {
    const existing = slots[index];
    if (existing) return existing;
    const spawned = spawn(index);
    slots[index] = spawned;
    return spawned;
  }

  function onReply(from: Worker, reply: ExtractReply): void {
    const ask = asks.get(from);
    if (!ask || reply.id !== ask.id) return;
    if (reply.type === 'progress') {
      arm();
      ask.onProgress(reply.progress);
      return;
    }
    asks.delete(from);
    from.unref();
    if (reply.type === 'error') ask.reject(new AppError(reply.error.code, reply.error.details));
    else ask.resolve(reply);
  }

  /** Sends one request to the worker at `index` and waits for its answer. */
  function ask<T extends 'pages' | 'done'>(
    index: number,
    request: ExtractRequest,
    onProgress: (progress: ExtractProgress) => void,
  ): Promise<ExtractReply & { type: T }> {
    const target = worker(index);
    const answered = new Promise<ExtractReply & { type: T }>((resolve, reject) => {
      asks.set(target, {
        id: request.id,
        resolve: resolve as (reply: ExtractReply & { type: 'pages' | 'done' }) => void,
        reject,
        onProgress,
      });
      target.ref();
      target.postMessage(request);
    });
    inFlight.push(answered);
    return answered;
  }

  function arm(): void {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => onStall?.(), stallMs);
  }

  async function extractWith(job: Job, stalled: Promise<never>): Promise<Extraction> {
    const file = { bytes: job.bytes, name: job.name, password: job.password };
    if (size === 1 || !looksLikePdf(job.bytes, job.name)) {
      const done = ask<'done'>(0, { id: nextId++, type: 'extract', ...file }, job.onProgress);
      return withAllCounts((await Promise.race([done, stalled])).extraction);
    }
    // Pages read so far across the shards, for one progress count.
    let read = 0;
    let pageCount: number | undefined;
    const shardProgress = (progress: ExtractProgress) => {
      if (progress.pages !== undefined) pageCount = progress.pages;
      if (progress.page !== undefined) read += 1;
      job.onProgress(pageCount === undefined ? progress : { stage: 'extracting', page: read, pages: pageCount });
    };
    const shards = slots.map((_, index) =>
      ask<'pages'>(index, { id: nextId++, type: 'read', ...file, shard: { index, count: size } }, shardProgress),
    );
    const parts = await Promise.race([Promise.all(shards), stalled]);
    const raw: RawPages = {
      kind: 'pdf',
      pages: parts.flatMap((part) => part.raw.pages),
      lostPages: parts.flatMap((part) => part.raw.lostPages),
      pageCount: parts[0]?.raw.pageCount ?? null,
    };
    job.onProgress({ stage: 'counting' });
    const counted = COUNTED_BY.slice(0, size).map((encodings, index) =>
      ask<'done'>(index, { id: nextId++, type: 'finish', name: job.name, raw, encodings }, () => {}),
    );
    const [first, ...others] = (await Promise.race([Promise.all(counted), stalled])).map(
      (reply): CountedExtraction => reply.extraction,
    );
    if (!first) throw new AppError('INTERNAL_ERROR');
    return withAllCounts(first, ...others);
  }

  async function next(): Promise<void> {
    if (running) return;
    const job = queue.shift();
    if (!job) return;
    running = true;
    const stalled = new Promise<never>((_, reject) => {
      onStall = () => {
        // Every worker of this file is stopped: whichever one hangs, none may keep the next file waiting.
        for (const [index, stuck] of slots.entries()) {
          slots[index] = undefined;
          if (stuck) {
            const ask = asks.get(stuck);
            asks.delete(stuck);
            ask?.reject(new AppError('EXTRACTION_TIMEOUT', { name: job.name }));
            void stuck.terminate();
          }
        }
        reject(new AppError('EXTRACTION_TIMEOUT', { name: job.name, seconds: Math.round(stallMs / 1000) }));
      };
    });
    stalled.catch(() => {});
    arm();
    try {
      job.resolve(await extractWith(job, stalled));
    } catch (error) {
      // A shard that failed first leaves the other still reading, or a dead worker not yet reported: the
      // next file waits for both (the watchdog still bounds it), so it never lands on a worker about to exit.
      await Promise.allSettled(inFlight);
      job.reject(coded(error, job));
    } finally {
      inFlight = [];
      clearTimeout(watchdog);
      onStall = undefined;
      running = false;
      void next();
    }
  }

  return {
    extract(bytes, name, password, onProgress) {
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ bytes, name, password, onProgress, resolve, reject });
        void next();
      });
    },
    warmUp() {
      for (const index of slots.keys()) {
        if (slots[index]) continue;
        const encodings = size === 1 ? COUNTED_BY.flat() : (COUNTED_BY[index] ?? []);
        worker(index).postMessage({ warmUp: true, encodings } satisfies WarmUpRequest);
      }
    },
    async close() {
      for (const job of queue.splice(0)) job.reject(new AppError('INTERNAL_ERROR'));
      const closing = [...slots];
      slots.fill(undefined);
      await Promise.all(closing.map((worker) => worker?.terminate()));
    },
  };
}

/** Whether a file will be read as a PDF (by its bytes or its name), and so can be split by pages. */
function looksLikePdf(bytes: Uint8Array, name: string): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.includes('%PDF-') || name.toLowerCase().endsWith('.pdf');
}

/** A worker that exited or ran out of memory while reading a file. */
class WorkerDied extends Error {}

/**
 * A failure as the coded error the user sees. A worker that died is reported
 * in the code of the file's type: a PDF or a DOCX too damaged (or too hostile)
 * to read, a text file too large.
 */
function coded(error: unknown, { bytes, name }: Pick<Job, 'bytes' | 'name'>): AppError {
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  if (looksLikePdf(bytes, name)) return new AppError('PDF_CORRUPT', { name, reason });
  if (looksLikeZip(bytes) || name.toLowerCase().endsWith('.docx'))
    return new AppError('DOCX_CORRUPT', { name, reason });
  return new AppError('FILE_TOO_LARGE', {
    name,
    reason,
    limit: `${DOCUMENT_LIMITS.workerHeapMb.toLocaleString('en')} MB`,
  });
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
