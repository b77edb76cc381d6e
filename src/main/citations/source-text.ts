/**
 * A document's text made comparable for finding a model's quotes in it, with
 * a map from each compared character back to the stored text: whitespace,
 * case and punctuation set aside (`loose`), and diacritics too, đ as d
 * (`folded`). Built once for a document and kept, since a long answer quotes
 * the same document many times.
 */
export interface ComparableText {
  text: string;
  /** For each character of `text`, its offset in the stored text. */
  origin: Int32Array;
}

export type Leniency = 'loose' | 'folded';

const PUNCTUATION_OR_SPACE = /[\p{P}\p{S}\s]/u;
const MARK = /\p{M}/u;

/** What one character becomes when compared: null for a space or punctuation, else its compared letters. */
type Kept = string | null;

function keptOf(char: string, leniency: Leniency): Kept {
  if (PUNCTUATION_OR_SPACE.test(char)) return null;
  if (leniency === 'folded') {
    return char.toLocaleLowerCase('vi').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd');
  }
  // A combining mark left by NFD text stays with its letter.
  return MARK.test(char) ? char : char.toLocaleLowerCase('vi');
}

/** Each code unit's comparison, worked out once a process: a text has few distinct characters, and many of each. */
const tables: Record<Leniency, (Kept | undefined)[]> = { loose: [], folded: [] };

/**
 * `text` compared at `leniency`: each kept character lower-cased (and, when
 * folded, without its marks), runs of space and punctuation as one space.
 * Characters are looked up by code in a table filled as they are first met,
 * and the result written as code units: the 767,000-character Civil Code in
 * tens of milliseconds.
 */
export function comparable(text: string, leniency: Leniency): ComparableText {
  const table = tables[leniency];
  const out = new Uint16Array(text.length * 2 + 1);
  const origin = new Int32Array(text.length * 2 + 1);
  let length = 0;
  let spaced = true;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    let kept: Kept | undefined;
    if (pair) kept = keptOf(text.slice(i, i + 2), leniency);
    else {
      kept = table[code];
      if (kept === undefined) {
        kept = keptOf(String.fromCharCode(code), leniency);
        table[code] = kept;
      }
    }
    if (kept === null) {
      if (!spaced) {
        out[length] = 32;
        origin[length++] = i;
        spaced = true;
      }
    } else if (kept.length > 0) {
      for (let k = 0; k < kept.length; k++) {
        out[length] = kept.charCodeAt(k);
        origin[length++] = i;
      }
      spaced = false;
    }
    i += pair ? 2 : 1;
  }
  // No trailing space: a quote compared the same way has none.
  if (length > 0 && out[length - 1] === 32) length--;
  return { text: new TextDecoder('utf-16le').decode(out.subarray(0, length)), origin: origin.slice(0, length) };
}

/** Where `quote` stands in `source`, as ranges of the stored text; several when it stands several times. */
export function findQuote(
  quote: string,
  source: { text: string; loose: () => ComparableText; folded: () => ComparableText },
): { ranges: { start: number; end: number }[]; leniency: 'exact' | Leniency } | null {
  const exact = allIndexes(source.text, quote);
  if (exact.length > 0)
    return { ranges: exact.map((at) => ({ start: at, end: at + quote.length })), leniency: 'exact' };
  for (const leniency of ['loose', 'folded'] as const) {
    const needle = comparable(quote, leniency).text;
    // A quote of nothing but punctuation and spaces cannot be found, only invented.
    if (needle.length < 3) return null;
    const haystack = leniency === 'loose' ? source.loose() : source.folded();
    // Whole words only: "an" is not found inside "bán".
    const found = allIndexes(haystack.text, needle).filter(
      (at) =>
        (at === 0 || haystack.text[at - 1] === ' ') && [' ', undefined].includes(haystack.text[at + needle.length]),
    );
    if (found.length > 0) {
      return {
        leniency,
        ranges: found.map((at) => ({
          start: haystack.origin[at] as number,
          end: (haystack.origin[at + needle.length - 1] as number) + 1,
        })),
      };
    }
  }
  return null;
}

function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < 50; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}
