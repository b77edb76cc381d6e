import { describe, expect, it } from 'vitest';
import { documentText, findInPages } from './find-in-text';

const pages = [
  { page: 1, start: 0, text: 'Điều 1. Phạm vi' },
  { page: 2, start: 17, text: 'ĐIỀU 2. Bên A và bên B' },
];

describe('findInPages', () => {
  it('finds every occurrence across pages, ignoring case but not accents', () => {
    const text = documentText(pages);
    const hits = findInPages(pages, 'điều');
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['Điều', 'ĐIỀU']);
    expect(findInPages(pages, 'dieu')).toEqual([]);
    expect(findInPages(pages, 'bên').map((hit) => text.slice(hit.start, hit.end))).toEqual(['Bên', 'bên']);
  });

  it('finds nothing for an empty query', () => {
    expect(findInPages(pages, '  ')).toEqual([]);
  });
});
