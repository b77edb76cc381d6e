import { AppError, type AppErrorData } from '../../shared/errors';

/** A failure as the renderer shows it: main already wrote the message in the user's language. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  return { code: 'INTERNAL_ERROR', message: String(error) };
}
