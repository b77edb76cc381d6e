import type { Root } from 'hast';

export interface ParseRequest {
  id: number;
  text: string;
}

export interface ParseReply {
  id: number;
  /** Null when the block could not be parsed: it is shown as plain text. */
  tree: Root | null;
}

/** What the parser needs of a Web Worker, so its scheduling can be tested without one. */
export interface ParserWorker {
  postMessage(message: ParseRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ParseReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface MarkdownParser {
  /** The tree already parsed for this text, null if it failed, undefined if not parsed yet. */
  peek(text: string): Root | null | undefined;
  /** Parses in the worker; resolves null if the text cannot be parsed in time (or the request was abandoned). */
  parse(text: string, signal?: AbortSignal): Promise<Root | null>;
  dispose(): void;
}

interface Job {
  text: string;
  signals: (AbortSignal | undefined)[];
  resolve(tree: Root | null): void;
  promise: Promise<Root | null>;
}

export interface ParserOptions {
  /** A block the worker has not parsed by then is shown as plain text and the worker replaced. */
  deadlineMs?: number;
  /** Parsed blocks kept, so an answer opened again renders at once. */
  cacheSize?: number;
}

/**
 * Parses one block at a time in a worker, in the order asked; a request
 * abandoned before its turn is dropped (a streaming block's older texts), and
 * a block that takes longer than the deadline is given up and the worker,
 * stuck in it, replaced.
 */
export function createMarkdownParser(spawn: () => ParserWorker, options: ParserOptions = {}): MarkdownParser {
  const deadlineMs = options.deadlineMs ?? 1_500;
  const cacheSize = options.cacheSize ?? 400;
  const cache = new Map<string, Root | null>();
  const waiting: Job[] = [];
  const byText = new Map<string, Job>();
  let worker: ParserWorker | null = null;
  let running: { id: number; job: Job; timer: ReturnType<typeof setTimeout> } | null = null;
  let nextId = 1;

  const remember = (text: string, tree: Root | null) => {
    cache.delete(text);
    cache.set(text, tree);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  };

  const finish = (tree: Root | null, keep: boolean) => {
    if (!running) return;
    const { job, timer } = running;
    clearTimeout(timer);
    running = null;
    byText.delete(job.text);
    if (keep) remember(job.text, tree);
    job.resolve(tree);
    pump();
  };

  const replaceWorker = () => {
    worker?.terminate();
    worker = null;
  };

  const ensureWorker = (): ParserWorker => {
    if (worker) return worker;
    const started = spawn();
    started.onmessage = (event) => {
      if (running && event.data.id === running.id) finish(event.data.tree, true);
    };
    started.onerror = () => {
      replaceWorker();
      finish(null, true);
    };
    worker = started;
    return started;
  };

  const abandoned = (job: Job) => job.signals.length > 0 && job.signals.every((signal) => signal?.aborted);

  function pump(): void {
    while (!running && waiting.length > 0) {
      const job = waiting.shift() as Job;
      if (abandoned(job)) {
        byText.delete(job.text);
        job.resolve(null);
        continue;
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        replaceWorker();
        finish(null, true);
      }, deadlineMs);
      running = { id, job, timer };
      ensureWorker().postMessage({ id, text: job.text });
    }
  }

  return {
    peek(text) {
      return cache.get(text);
    },
    parse(text, signal) {
      const cached = cache.get(text);
      if (cached !== undefined) return Promise.resolve(cached);
      const existing = byText.get(text);
      if (existing) {
        existing.signals.push(signal);
        return existing.promise;
      }
      let resolve: (tree: Root | null) => void = () => {};
      const promise = new Promise<Root | null>((r) => {
        resolve = r;
      });
      const job: Job = { text, signals: [signal], resolve, promise };
      byText.set(text, job);
      waiting.push(job);
      pump();
      return promise;
    },
    dispose() {
      if (running) clearTimeout(running.timer);
      running = null;
      replaceWorker();
      for (const job of waiting.splice(0)) job.resolve(null);
      byText.clear();
    },
  };
}
