export interface FrameBatch<T> {
  push(item: T): void;
  /** Hands over what is waiting now (before an event that must follow it). */
  flush(): void;
}

interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * Collects what arrives between two frames and hands it over once, at the next
 * frame: a streaming answer's deltas cost one render a frame however fast they
 * come (and none while the window is hidden, when frames stop).
 */
export function frameBatch<T>(deliver: (items: T[]) => void, clock: FrameClock = animationFrames): FrameBatch<T> {
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
  return {
    push(item) {
      items.push(item);
      frame ??= clock.request(flush);
    },
    flush,
  };
}
