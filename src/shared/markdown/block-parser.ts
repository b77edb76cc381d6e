/**
 * Markdown blocks parsed off the thread that shows or exports them: the
 * renderer's Web Worker (HTML trees to render) and main's worker thread
 * (Markdown trees for Word). Parsers have slow cases no length limit rules
 * out (1,000 characters of `1. ` or `>` take 100 ms), so every block has a
 * deadline, after which it is plain text and the stuck worker is replaced.
 */

export interface ParseRequest {
  id: number;
  text: string;
}

export interface ParseReply<Tree> {
  id: number;
  /** Null when the block could not be parsed, or is better shown as plain text. */
  tree: Tree | null;
}

/** What the parser needs of a worker (a Web Worker or a worker thread), so its scheduling can be tested without one. */
export interface ParserWorker<Tree> {
  postMessage(message: ParseRequest): void;
  terminate(): void;
  onmessage: ((event: { data: ParseReply<Tree> }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface MarkdownParser<Tree> {
  /** The tree already parsed for this text, null if it failed, undefined if not parsed yet. */
  peek(text: string): Tree | null | undefined;
  /** Parses in the worker; resolves null if the text cannot be parsed in time (or the request was abandoned). */
  parse(text: string, signal?: AbortSignal): Promise<Tree | null>;
  dispose(): void;
}

interface Job<Tree> {
  text: string;
  signals: (AbortSignal | undefined)[];
  resolve(tree: Tree | null): void;
  promise: Promise<Tree | null>;
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
export function createMarkdownParser<Tree>(
  spawn: () => ParserWorker<Tree>,
  options: ParserOptions = {},
): MarkdownParser<Tree> {
  const deadlineMs = options.deadlineMs ?? 1_500;
  const cacheSize = options.cacheSize ?? 400;
  const cache = new Map<string, Tree | null>();
  const waiting: Job<Tree>[] = [];
  const byText = new Map<string, Job<Tree>>();
  let worker: ParserWorker<Tree> | null = null;
  let running: { id: number; job: Job<Tree>; timer: ReturnType<typeof setTimeout> } | null = null;
  let nextId = 1;

  const remember = (text: string, tree: Tree | null) => {
    cache.delete(text);
    cache.set(text, tree);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  };

  const finish = (tree: Tree | null, keep: boolean) => {
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

  const ensureWorker = (): ParserWorker<Tree> => {
    if (worker) return worker;
    const started = spawn();
    // A replaced worker can still speak (a thread reports its exit after terminate): only the current one is heard.
    started.onmessage = (event) => {
      if (worker === started && running && event.data.id === running.id) finish(event.data.tree, true);
    };
    started.onerror = () => {
      if (worker !== started) return;
      replaceWorker();
      finish(null, true);
    };
    worker = started;
    return started;
  };

  const abandoned = (job: Job<Tree>) => job.signals.length > 0 && job.signals.every((signal) => signal?.aborted);

  function pump(): void {
    while (!running && waiting.length > 0) {
      const job = waiting.shift() as Job<Tree>;
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
      let resolve: (tree: Tree | null) => void = () => {};
      const promise = new Promise<Tree | null>((r) => {
        resolve = r;
      });
      const job: Job<Tree> = { text, signals: [signal], resolve, promise };
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
