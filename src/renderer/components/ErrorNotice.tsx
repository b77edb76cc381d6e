import type { AppErrorData } from '../../shared/errors';

/** A coded failure as the lawyer sees it: main's message in their language, and the code to quote to support. */
export function ErrorNotice({ error }: { error: Pick<AppErrorData, 'code' | 'message'> }) {
  return (
    <p className="notice notice--error" role="alert">
      {error.message} <code>{error.code}</code>
    </p>
  );
}
