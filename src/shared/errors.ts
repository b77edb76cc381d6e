import { errorMessage } from './error-messages';
import type { Language } from './language';

/**
 * Every code an AppError can carry. Plain data, no schema library: the
 * extraction worker and the preload's neighbours throw and read AppErrors
 * without loading zod (the schemas are in error-schemas.ts).
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'UNTRUSTED_SENDER',
  'DATABASE_TOO_NEW',
  'DATABASE_UNREADABLE',
  'DATA_DIR_UNUSABLE',
  'MIGRATION_FAILED',
  'SECRET_STORAGE_UNAVAILABLE',
  'SECRET_STORAGE_WEAK',
  'USAGE',
  'FILE_NOT_FOUND',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'TEXT_ENCODING_UNSUPPORTED',
  'NOT_A_PDF',
  'PDF_CORRUPT',
  'PDF_PASSWORD_REQUIRED',
  'PDF_PASSWORD_WRONG',
  'PDF_NO_TEXT',
  'DOCX_CORRUPT',
  'EXTRACTION_TIMEOUT',
  'DOCUMENT_NOT_FOUND',
  'PROVIDER_NOT_FOUND',
  'INSECURE_BASE_URL',
  'MODEL_NOT_CONFIGURED',
  'API_KEY_MISSING',
  'INVALID_API_KEY',
  'MODEL_NOT_FOUND',
  'CONTEXT_TOO_LONG',
  'RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_REJECTED',
  'STREAM_INTERRUPTED',
  'TIMEOUT',
  'NETWORK_UNAVAILABLE',
  'ANSWER_NOT_FOUND',
  'BACKUP_INVALID',
  'MATTER_NOT_FOUND',
  'JOB_NOT_FOUND',
  'BATCH_REPLY_INVALID',
  'BACKUP_FAILED',
  'DATA_IN_USE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The shape an error has when it crosses a process boundary: plain data, no stack. */
export interface AppErrorData {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown> | undefined;
}

export type ErrorDetails = Record<string, unknown>;

/**
 * An expected failure with a code a caller can act on. Main throws it from
 * services; the renderer's api wrapper rethrows it from the envelope.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, details?: ErrorDetails, message?: string) {
    super(message ?? errorMessage(code, 'en', details));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(language: Language): AppErrorData {
    const data: AppErrorData = { code: this.code, message: errorMessage(this.code, language, this.details) };
    if (this.details !== undefined) data.details = this.details;
    return data;
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.details, data.message);
  }
}
