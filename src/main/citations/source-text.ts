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

// A code unit's entry in a table: not yet worked out, a space, dropped (a mark folded away), or
// longer than one unit (looked up in `longer`); any other value is the one code unit it becomes.
const UNKNOWN = -1;
const SPACE = -2;
const DROPPED = -3;
const LONGER = -4;

/**
 * Each code unit's comparison, worked out once a process as it is first met:
 * a text has few distinct characters, and many of each.
 */
const tables: Record<Leniency, { codes: Int32Array; longer: Map<number, string> }> = {
  loose: { codes: new Int32Array(0x10000).fill(UNKNOWN), longer: new Map() },
  folded: { codes: new Int32Array(0x10000).fill(UNKNOWN), longer: new Map() },
};

function entryOf(code: number, leniency: Leniency): number {
  const table = tables[leniency];
  const known = table.codes[code] as number;
  if (known !== UNKNOWN) return known;
  const kept = keptOf(String.fromCharCode(code), leniency);
  const entry = kept === null ? SPACE : kept.length === 0 ? DROPPED : kept.length === 1 ? kept.charCodeAt(0) : LONGER;
  if (entry === LONGER) table.longer.set(code, kept as string);
  table.codes[code] = entry;
  return entry;
}

/**
 * `text` compared at `leniency`: each kept character lower-cased (and, when
 * folded, without its marks), runs of space and punctuation as one space.
 * Each code unit is one lookup in a typed table and the result is written as
 * code units: the 767,000-character Civil Code in a few milliseconds.
 */
export function comparable(text: string, leniency: Leniency): ComparableText {
  const { codes, longer } = tables[leniency];
  // One code unit out for each in, but for a rare character that becomes two (room made when met).
  let out: Uint16Array = new Uint16Array(text.length + 8);
  let origin: Int32Array = new Int32Array(text.length + 8);
  let length = 0;
  // No closure over these: the loop keeps them in registers.
  let spaced = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kept: string | null;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A character outside the first plane (rare in contracts): worked out each time.
      kept = keptOf(text.slice(i, i + 2), leniency);
    } else {
      let entry = codes[code] as number;
      if (entry === UNKNOWN) entry = entryOf(code, leniency);
      if (entry >= 0) {
        out[length] = entry;
        origin[length++] = i;
        spaced = false;
        if (length === out.length) [out, origin] = grown(out, origin, 1);
        continue;
      }
      if (entry === DROPPED) continue;
      kept = entry === SPACE ? null : (longer.get(code) as string);
    }
    if (kept === null) {
      if (!spaced) {
        out[length] = 32;
        origin[length++] = i;
        spaced = true;
      }
    } else if (kept.length > 0) {
      if (length + kept.length >= out.length) [out, origin] = grown(out, origin, kept.length);
      for (let k = 0; k < kept.length; k++) {
        out[length] = kept.charCodeAt(k);
        origin[length++] = i;
      }
      spaced = false;
    }
    if (length === out.length) [out, origin] = grown(out, origin, 1);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
  }
  // No trailing space: a quote compared the same way has none.
  if (length > 0 && out[length - 1] === 32) length--;
  return { text: new TextDecoder('utf-16le').decode(out.subarray(0, length)), origin: origin.subarray(0, length) };
}

/** The output arrays with room for at least `more` code units past their length. */
function grown(out: Uint16Array, origin: Int32Array, more: number): [Uint16Array, Int32Array] {
  const room = out.length * 2 + more;
  const wider = new Uint16Array(room);
  wider.set(out);
  const widerOrigin = new Int32Array(room);
  widerOrigin.set(origin);
  return [wider, widerOrigin];
}

/**
 * Where `quote` stands in `source`, as ranges of the stored text; several when
 * it stands several times. Exactly first; else in the folded text, the most
 * lenient, and each place found there is `loose` when it also matches with
 * its diacritics (only those few characters compared again), else `folded`.
 * One comparable text a document, not two: half the memory, and a quote
 * found nowhere is searched twice, not three times.
 */
export function findQuote(
  quote: string,
  source: { text: string; folded: () => ComparableText },
): { ranges: { start: number; end: number }[]; leniency: 'exact' | Leniency } | null {
  const exact = allIndexes(source.text, quote);
  if (exact.length > 0)
    return { ranges: exact.map((at) => ({ start: at, end: at + quote.length })), leniency: 'exact' };
  const needle = comparable(quote, 'folded').text;
  // A quote of nothing but punctuation and spaces cannot be found, only invented.
  if (needle.length < 3) return null;
  const haystack = source.folded();
  // Whole words only: "an" is not found inside "bán".
  const ranges = allIndexes(haystack.text, needle)
    .filter(
      (at) =>
        (at === 0 || haystack.text[at - 1] === ' ') && [' ', undefined].includes(haystack.text[at + needle.length]),
    )
    .map((at) => ({
      start: haystack.origin[at] as number,
      end: (haystack.origin[at + needle.length - 1] as number) + 1,
    }));
  if (ranges.length === 0) return null;
  const asQuoted = comparable(quote, 'loose').text;
  const loose = ranges.filter(
    (range) => comparable(source.text.slice(range.start, range.end), 'loose').text === asQuoted,
  );
  return loose.length > 0 ? { ranges: loose, leniency: 'loose' } : { ranges, leniency: 'folded' };
}

function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < 50; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}
