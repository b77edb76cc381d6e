import i18next from 'i18next';
import { AppError, type AppErrorData } from '../../shared/errors';

/**
 * A failure as the renderer shows it: main already wrote an AppError's message
 * in the user's language. Anything else is a fault of this window's own code,
 * shown as INTERNAL_ERROR in the user's language and logged as it was.
 */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  console.error('[renderer]', error);
  return new AppError('INTERNAL_ERROR').toData(i18next.language === 'vi' ? 'vi' : 'en');
}
