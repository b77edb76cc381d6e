import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread's entry: the built `<name>.js` beside main's bundle in the
 * app and the CLI; the TypeScript source, through tsx, in tests.
 */
export interface WorkerEntry {
  file: string;
  /** Run from TypeScript source through tsx's require hook (tests, the e2e host), not built JavaScript. */
  source: boolean;
}

/** `sourceDir` is where the entry's TypeScript lives, for runs from source (the caller's `__dirname` there). */
export function workerEntry(name: string, sourceDir: string): WorkerEntry {
  // The caller may be bundled into out/main/ or into a chunk under out/main/chunks/.
  const candidates = [join(__dirname, `${name}.js`), join(__dirname, '..', `${name}.js`)];
  const built = candidates.find(existsSync);
  return built ? { file: built, source: false } : { file: join(sourceDir, `${name}.ts`), source: true };
}

export function startWorker(entry: WorkerEntry, heapMb: number): Worker {
  // Hostile input can make a parser grow without end: past this heap the worker stops, not the machine.
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (!entry.source) return new Worker(entry.file, { resourceLimits });
  // Node 20 workers do not take `--import tsx`; tsx's CommonJS hook, required first, does the same.
  return new Worker("require('tsx/cjs'); require(require('node:worker_threads').workerData.file);", {
    eval: true,
    workerData: { file: entry.file },
    resourceLimits,
  });
}
