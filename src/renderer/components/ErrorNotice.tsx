import type { AppErrorData } from '../../shared/errors';

/**
 * A coded failure as the lawyer sees it: what was not done (`lead`, when the
 * message alone would not say), main's message in their language, and the
 * code to quote to support. Every failure the window shows goes through here.
 */
export function ErrorNotice({ error, lead }: { error: Pick<AppErrorData, 'code' | 'message'>; lead?: string }) {
  return (
    <p className="notice notice--error" role="alert">
      {lead && `${lead} `}
      {error.message} <code>{error.code}</code>
    </p>
  );
}
