import { z } from 'zod';

export const languageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof languageSchema>;
