import { z } from 'zod';

export const languageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** The UI language for an OS locale such as `vi-VN` or `en_US.UTF-8`; English unless it is Vietnamese. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
