import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { Extraction, ExtractProgress } from './extract';
import type { ExtractReply, ExtractRequest, WarmUpRequest } from './extraction-protocol';
import { DOCUMENT_LIMITS } from './limits';

export interface Extractor {
  extract(
    bytes: Uint8Array,
    name: string,
    password: string | undefined,
    onProgress: (progress: ExtractProgress) => void,
  ): Promise<Extraction>;
  /** Starts the worker and loads pdf.js ahead of the first file (the app calls it once its window is up). */
  warmUp(): void;
  close(): Promise<void>;
}

/**
 * The worker's entry: the built `extraction-worker.js` beside this bundle in
 * the app and the CLI; the TypeScript source, through tsx, in tests.
 */
export interface WorkerEntry {
  file: string;
  /** Run from TypeScript source through tsx's require hook (tests, the e2e host), not built JavaScript. */
  source: boolean;
}

function workerEntry(): WorkerEntry {
  // This module may be bundled into out/main/ or into a chunk under out/main/chunks/.
  const candidates = [join(__dirname, 'extraction-worker.js'), join(__dirname, '..', 'extraction-worker.js')];
  const built = candidates.find(existsSync);
  return built ? { file: built, source: false } : { file: join(__dirname, 'extraction-worker.ts'), source: true };
}

function startWorker(entry: WorkerEntry): Worker {
  if (!entry.source) return new Worker(entry.file);
  // Node 20 workers do not take `--import tsx`; tsx's CommonJS hook, required first, does the same.
  return new Worker("require('tsx/cjs'); require(require('node:worker_threads').workerData.file);", {
    eval: true,
    workerData: { file: entry.file },
  });
}

interface Pending {
  request: ExtractRequest;
  resolve(extraction: Extraction): void;
  reject(error: AppError): void;
  onProgress(progress: ExtractProgress): void;
  /** The worker serving it, so a replaced worker's exit cannot fail the next file. */
  worker?: Worker;
}

/**
 * A long-lived extraction worker (pdf.js stays loaded: the warm path), fed one
 * file at a time. A file that shows no progress for `stallMs` is stopped with
 * EXTRACTION_TIMEOUT and the worker replaced, so a damaged file cannot hang the app.
 */
export interface ExtractionPoolOptions {
  stallMs?: number;
  /** The worker script; tests pass one that hangs or dies on purpose. */
  entry?: WorkerEntry;
}

export function createExtractionPool({
  stallMs = DOCUMENT_LIMITS.stallMs,
  entry = workerEntry(),
}: ExtractionPoolOptions = {}): Extractor {
  const queue: Pending[] = [];
  let worker: Worker | undefined;
  let current: Pending | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  let nextId = 1;

  function spawn(): Worker {
    const spawned = startWorker(entry);
    spawned.on('message', (reply: ExtractReply) => onReply(reply));
    // A worker that dies (out of memory on a hostile file, say) fails only the file it was reading.
    const died = (reason: string) => {
      if (worker === spawned) worker = undefined;
      if (current?.worker === spawned) finish(new AppError('PDF_CORRUPT', { name: current.request.name, reason }));
    };
    spawned.on('error', (error) => died(error.message));
    spawned.on('exit', (code) => died(`extraction worker exited with code ${code}`));
    // An idle worker must not keep the CLI alive.
    spawned.unref();
    return spawned;
  }

  function arm(): void {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      const stalled = current;
      if (!stalled) return;
      const stuck = worker;
      worker = undefined;
      finish(new AppError('EXTRACTION_TIMEOUT', { name: stalled.request.name, seconds: Math.round(stallMs / 1000) }));
      void stuck?.terminate();
    }, stallMs);
  }

  function onReply(reply: ExtractReply): void {
    if (!current || reply.id !== current.request.id) return;
    if (reply.type === 'progress') {
      arm();
      current.onProgress(reply.progress);
    } else if (reply.type === 'done') {
      finish(reply.extraction);
    } else {
      finish(new AppError(reply.error.code, reply.error.details));
    }
  }

  function finish(outcome: Extraction | AppError): void {
    const done = current;
    current = undefined;
    clearTimeout(watchdog);
    if (done) {
      if (outcome instanceof AppError) done.reject(outcome);
      else done.resolve(outcome);
    }
    next();
  }

  function next(): void {
    if (current) return;
    current = queue.shift();
    if (!current) {
      worker?.unref();
      return;
    }
    worker ??= spawn();
    current.worker = worker;
    worker.ref();
    arm();
    worker.postMessage(current.request);
  }

  return {
    extract(bytes, name, password, onProgress) {
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ request: { id: nextId++, bytes, name, password }, resolve, reject, onProgress });
        next();
      });
    },
    warmUp() {
      if (worker) return;
      worker = spawn();
      worker.postMessage({ warmUp: true } satisfies WarmUpRequest);
    },
    async close() {
      const closing = worker;
      worker = undefined;
      for (const pending of queue.splice(0)) pending.reject(new AppError('INTERNAL_ERROR'));
      await closing?.terminate();
    },
  };
}
