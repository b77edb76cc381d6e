import type { AppErrorData } from './errors';

/** What every IPC call returns: errors cross as data and are rethrown by the caller. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
