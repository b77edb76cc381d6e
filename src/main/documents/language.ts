import type { Language } from '../../shared/language';

// Letters only Vietnamese uses among the two languages LexDesk reads (after NFC).
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/giu;

/** Vietnamese when at least 2% of the letters are Vietnamese-only; English contracts score near 0. */
export function detectLanguage(text: string): Language {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 'en';
  const vietnamese = sample.match(VIETNAMESE)?.length ?? 0;
  return vietnamese / letters >= 0.02 ? 'vi' : 'en';
}
