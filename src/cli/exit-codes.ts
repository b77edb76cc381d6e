import type { ErrorCode } from '../shared/errors';

/** Documented in the README and `lexdesk --help`; scripts rely on them. */
export const EXIT = { ok: 0, failure: 1, usage: 2, badInput: 3, provider: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(code: ErrorCode): ExitCode {
  switch (code) {
    case 'USAGE':
      return EXIT.usage;
    case 'INVALID_INPUT':
      return EXIT.badInput;
    default:
      return EXIT.failure;
  }
}
