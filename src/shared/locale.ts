// No zod here: the CLI's --help reads the locale before anything heavy loads.
import type { Language } from './language';

/** The UI language for an OS locale such as `vi-VN` or `en_US.UTF-8`; English unless it is Vietnamese. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
