import { describe, expect, it } from 'vitest';
import { frameBatch, frameBudget } from './animation-frames';

function manualClock() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    request(callback: () => void) {
      callbacks.set(next, callback);
      return next++;
    },
    cancel(handle: number) {
      callbacks.delete(handle);
    },
    frame() {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback();
    },
    pending: () => callbacks.size,
  };
}

describe('frameBatch', () => {
  it('hands over everything pushed between two frames once, at the frame', () => {
    const clock = manualClock();
    const batches: number[][] = [];
    const batch = frameBatch<number>((items) => batches.push(items), { clock });
    for (let i = 0; i < 1000; i++) batch.push(i);
    expect(batches).toEqual([]);
    expect(clock.pending()).toBe(1);
    clock.frame();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(1000);
    clock.frame();
    expect(batches).toHaveLength(1);
  });

  it('flushes at once when asked, and the frame it had asked for no longer fires', () => {
    const clock = manualClock();
    const batches: string[][] = [];
    const batch = frameBatch<string>((items) => batches.push(items), { clock });
    batch.push('a');
    batch.push('b');
    batch.flush();
    expect(batches).toEqual([['a', 'b']]);
    expect(clock.pending()).toBe(0);
    batch.flush();
    batch.push('c');
    clock.frame();
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });
});

describe('frameBatch, not due yet', () => {
  it('keeps the items for a later frame until it is due, and flush() hands them over regardless', () => {
    const clock = manualClock();
    const batches: number[][] = [];
    let due = false;
    const batch = frameBatch<number>((items) => batches.push(items), { clock, due: () => due });
    batch.push(1);
    clock.frame();
    batch.push(2);
    clock.frame();
    expect(batches).toEqual([]);
    due = true;
    clock.frame();
    expect(batches).toEqual([[1, 2]]);
    due = false;
    batch.push(3);
    batch.flush();
    expect(batches).toEqual([[1, 2], [3]]);
    expect(clock.pending()).toBe(0);
  });
});

describe('frameBudget', () => {
  it('runs what fits one frame’s budget each frame, at least one item however costly, and skips the cancelled', () => {
    const clock = manualClock();
    const ran: string[] = [];
    const budget = frameBudget(100, clock);
    budget.schedule(60, () => ran.push('a'));
    budget.schedule(30, () => ran.push('b'));
    budget.schedule(30, () => ran.push('c'));
    const cancel = budget.schedule(10, () => ran.push('cancelled'));
    budget.schedule(500, () => ran.push('big'));
    budget.schedule(10, () => ran.push('d'));
    cancel();
    expect(ran).toEqual([]);
    clock.frame();
    expect(ran).toEqual(['a', 'b']);
    clock.frame();
    expect(ran).toEqual(['a', 'b', 'c']);
    clock.frame();
    expect(ran).toEqual(['a', 'b', 'c', 'big']);
    clock.frame();
    expect(ran).toEqual(['a', 'b', 'c', 'big', 'd']);
    expect(clock.pending()).toBe(0);
  });
});
