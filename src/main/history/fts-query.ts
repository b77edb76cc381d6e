/**
 * A search box's text as an FTS5 query. The index folds tone and vowel marks
 * but keeps "đ" as its own letter, so each "d" or "đ" a lawyer types may be
 * either: "dieu" becomes ("dieu" OR "đieu"). Every word must match; the last
 * may be the start of a word, as the lawyer is still typing it.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words
    .slice(0, 12)
    .map((word, index, all) => {
      const prefix = index === all.length - 1 ? '*' : '';
      return `(${dVariants(word)
        .map((variant) => `"${variant}"${prefix}`)
        .join(' OR ')})`;
    })
    .join(' AND ');
}

// More than three d's in one word is rare; beyond that only the word as typed is searched.
const MAX_D = 3;

function dVariants(word: string): string[] {
  const base = word.replace(/đ/gu, 'd');
  const positions = [...base].flatMap((char, index) => (char === 'd' ? [index] : []));
  if (positions.length === 0 || positions.length > MAX_D) return [word];
  const variants: string[] = [];
  for (let mask = 0; mask < 1 << positions.length; mask++) {
    const chars = [...base];
    positions.forEach((position, bit) => {
      if (mask & (1 << bit)) chars[position] = 'đ';
    });
    variants.push(chars.join(''));
  }
  return variants;
}
