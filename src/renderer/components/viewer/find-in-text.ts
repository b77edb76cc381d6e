import type { PageText } from './viewer-handle';

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Every place `query` occurs in the document's text, as offsets of the whole
 * text; case-insensitive, accents kept ("Điều" is not "Dieu").
 */
export function findInPages(pages: readonly PageText[], query: string, limit = 5000): TextRange[] {
  const needle = query.normalize('NFC').trim().toLocaleLowerCase('vi');
  if (needle.length === 0) return [];
  const hits: TextRange[] = [];
  for (const page of pages) {
    const haystack = page.text.toLocaleLowerCase('vi');
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      hits.push({ start: page.start + at, end: page.start + at + needle.length });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}

export { documentText } from '../../../shared/page-map';
