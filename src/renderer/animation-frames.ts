export interface FrameBatch<T> {
  push(item: T): void;
  /** Hands over what is waiting now (before an event that must follow it). */
  flush(): void;
}

export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * Collects what arrives between two frames and hands it over once, at the next
 * frame: a streaming answer's deltas cost one render a frame however fast they
 * come (and none while the window is hidden, when frames stop).
 */
export interface FrameBatchOptions {
  clock?: FrameClock;
  /** Asked at each frame; while false, the items wait for a later frame (flush() delivers regardless). */
  due?: () => boolean;
}

export function frameBatch<T>(
  deliver: (items: T[]) => void,
  { clock = animationFrames, due = () => true }: FrameBatchOptions = {},
): FrameBatch<T> {
  let items: T[] = [];
  let frame: number | null = null;
  const flush = () => {
    if (frame !== null) clock.cancel(frame);
    frame = null;
    if (items.length === 0) return;
    const batch = items;
    items = [];
    deliver(batch);
  };
  const atFrame = () => {
    frame = null;
    if (due()) flush();
    else if (items.length > 0) frame = clock.request(atFrame);
  };
  return {
    push(item) {
      items.push(item);
      frame ??= clock.request(atFrame);
    },
    flush,
  };
}

export interface FrameBudget {
  /** Runs `apply` in a coming frame, with others whose costs fit that frame's budget; returns a cancel. */
  schedule(cost: number, apply: () => void): () => void;
}

/**
 * Spreads work over frames so no frame takes more than `perFrame` of it (at
 * least one item a frame, however costly): parsed answer blocks arrive from
 * the worker faster than a frame can lay them out, and the browser lays out
 * everything that changed between two frames at once.
 */
export function frameBudget(perFrame: number, clock: FrameClock = animationFrames): FrameBudget {
  const queue: { cost: number; apply: () => void }[] = [];
  let waiting = false;
  const drain = () => {
    waiting = false;
    let spent = 0;
    while (queue.length > 0) {
      const next = queue[0] as { cost: number; apply: () => void };
      if (spent > 0 && spent + next.cost > perFrame) break;
      queue.shift();
      spent += next.cost;
      next.apply();
    }
    if (queue.length > 0) ask();
  };
  const ask = () => {
    if (waiting) return;
    waiting = true;
    clock.request(drain);
  };
  return {
    schedule(cost, apply) {
      const item = { cost, apply };
      queue.push(item);
      ask();
      return () => {
        const index = queue.indexOf(item);
        if (index >= 0) queue.splice(index, 1);
      };
    },
  };
}
