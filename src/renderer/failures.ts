import { create } from 'zustand';
import type { AppErrorData } from '../shared/errors';
import { toErrorData } from './stores/errors';

export interface Failure {
  id: number;
  error: AppErrorData;
}

interface FailuresState {
  /** Failures of work nobody waited for, newest last, until the lawyer dismisses them. */
  failures: Failure[];
  report(error: unknown): void;
  dismiss(id: number): void;
}

/** More than this and the oldest give way: the same failure a hundred times is one notice's worth. */
const MAX_SHOWN = 3;

let nextId = 1;

export const useFailures = create<FailuresState>()((set, get) => ({
  failures: [],
  report(error) {
    const data = toErrorData(error);
    const others = get().failures.filter((failure) => failure.error.code !== data.code);
    set({ failures: [...others, { id: nextId++, error: data }].slice(-MAX_SHOWN) });
  },
  dismiss(id) {
    set({ failures: get().failures.filter((failure) => failure.id !== id) });
  },
}));

/**
 * The one way to start work that nobody awaits (a click, an effect): a failure
 * becomes a coded notice the lawyer sees (FailureNotices), never an unhandled
 * rejection. `expected` names failures that are part of the work, such as a
 * page render cancelled because the page scrolled away.
 */
export function inBackground(work: Promise<unknown>, expected?: (error: unknown) => boolean): void {
  work.catch((error: unknown) => {
    if (!expected?.(error)) useFailures.getState().report(error);
  });
}
