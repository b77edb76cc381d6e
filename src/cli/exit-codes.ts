import type { ErrorCode } from '../shared/errors';

/** Documented in the README and `lexdesk --help`; scripts rely on them. */
export const EXIT = { ok: 0, failure: 1, usage: 2, badInput: 3, provider: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(code: ErrorCode): ExitCode {
  switch (code) {
    case 'USAGE':
      return EXIT.usage;
    case 'INVALID_INPUT':
    case 'FILE_NOT_FOUND':
    case 'FILE_EMPTY':
    case 'FILE_TOO_LARGE':
    case 'UNSUPPORTED_TYPE':
    case 'TEXT_ENCODING_UNSUPPORTED':
    case 'NOT_A_PDF':
    case 'PDF_CORRUPT':
    case 'PDF_PASSWORD_REQUIRED':
    case 'PDF_PASSWORD_WRONG':
    case 'PDF_NO_TEXT':
    case 'DOCX_CORRUPT':
    case 'EXTRACTION_TIMEOUT':
    case 'DOCUMENT_NOT_FOUND':
    case 'PROVIDER_NOT_FOUND':
    case 'INSECURE_BASE_URL':
    case 'MODEL_NOT_CONFIGURED':
    case 'CONTEXT_TOO_LONG':
    case 'ANSWER_NOT_FOUND':
    case 'JOB_NOT_FOUND':
    case 'BACKUP_INVALID':
      return EXIT.badInput;
    case 'API_KEY_MISSING':
    case 'INVALID_API_KEY':
    case 'MODEL_NOT_FOUND':
    case 'RATE_LIMITED':
    case 'PROVIDER_UNAVAILABLE':
    case 'PROVIDER_REJECTED':
    case 'STREAM_INTERRUPTED':
    case 'BATCH_REPLY_INVALID':
    case 'TIMEOUT':
    case 'NETWORK_UNAVAILABLE':
      return EXIT.provider;
    default:
      return EXIT.failure;
  }
}
