import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/errors';
import { toErrorData } from '../stores/errors';
import { ErrorNotice } from './ErrorNotice';

export type FileActionState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; error: AppErrorData };

/**
 * Runs something that writes a file where the user chose (an export, a
 * backup) and keeps what to say about it. A closed dialog (null) says nothing.
 */
export function useFileAction() {
  const [state, setState] = useState<FileActionState>({ kind: 'idle' });
  async function run<T>(action: () => Promise<T | null>, say: (result: T) => string): Promise<T | null> {
    setState({ kind: 'working' });
    try {
      const result = await action();
      setState(result === null ? { kind: 'idle' } : { kind: 'done', message: say(result) });
      return result;
    } catch (error) {
      setState({ kind: 'failed', error: toErrorData(error) });
      return null;
    }
  }
  return { state, run, busy: state.kind === 'working' };
}

/**
 * What the last file action did: saving, where it saved, or why it failed
 * (with its code). In a row of buttons it takes a line of its own, after them.
 */
export function FileActionStatus({ state }: { state: FileActionState }) {
  const { t } = useTranslation();
  if (state.kind === 'idle') return null;
  return (
    <div className="file-status">
      {state.kind === 'working' ? (
        <p className="field__text" role="status">
          {t('files.working')}
        </p>
      ) : state.kind === 'done' ? (
        <p className="notice notice--success" role="status">
          {state.message}
        </p>
      ) : (
        <ErrorNotice error={state.error} />
      )}
    </div>
  );
}
