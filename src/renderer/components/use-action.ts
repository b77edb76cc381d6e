import { useState } from 'react';
import type { AppErrorData } from '../../shared/errors';
import { inBackground } from '../failures';
import { toErrorData } from '../stores/errors';

/**
 * The one way a view runs what the lawyer asked for (save, rename, delete):
 * while it runs `busy`, and a failure stays in `error` for the view's
 * ErrorNotice beside the control, with its code. `then` runs after success only.
 */
export function useAction() {
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  function run<T>(work: () => Promise<T>, then?: (result: T) => void): void {
    setError(null);
    setBusy(true);
    inBackground(
      work().then(
        (result) => {
          setBusy(false);
          then?.(result);
        },
        (caught: unknown) => {
          setBusy(false);
          setError(toErrorData(caught));
        },
      ),
    );
  }
  return { error, busy, run, reset: () => setError(null) };
}
