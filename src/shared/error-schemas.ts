import { z } from 'zod';
import { type AppErrorData, ERROR_CODES } from './errors';

export const errorCodeSchema = z.enum(ERROR_CODES);

/** An AppErrorData as it is checked where one crosses a boundary in a schema (events, backup results). */
export const appErrorDataSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
}) satisfies z.ZodType<AppErrorData>;
