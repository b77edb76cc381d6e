import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../main/documents/extract';
import { citedDocument, citedPlace, findCitations } from './citations';

describe('findCitations', () => {
  it('reads the Vietnamese and the English page words, the document name and the clause', () => {
    const text =
      'Phạt 8% [tr. 12, Điều 8]; bồi thường [Hợp đồng A, trang 3, Điều 5, khoản 2] and [p. 4, Section 8.2], ' +
      'also [pp. 7-9] and [Điều 8, khoản 2].';
    expect(findCitations(text).map(({ document, page, clause }) => ({ document, page, clause }))).toEqual([
      { document: null, page: 12, clause: 'Điều 8' },
      { document: 'Hợp đồng A', page: 3, clause: 'Điều 5, khoản 2' },
      { document: null, page: 4, clause: 'Section 8.2' },
      { document: null, page: 7, clause: null },
      { document: null, page: null, clause: 'Điều 8, khoản 2' },
    ]);
  });

  it('reads a document cited by its index, as the prompt asks when several were sent', () => {
    const text =
      'Phạt [tài liệu 2, tr. 3, Điều 5]; fee [doc 1, p. 4, Section 8.2]; [TL 3, Điều 9]; [Document 2, page 7].';
    expect(
      findCitations(text).map(({ document, documentIndex, page, clause }) => ({
        document,
        documentIndex,
        page,
        clause,
      })),
    ).toEqual([
      { document: null, documentIndex: 2, page: 3, clause: 'Điều 5' },
      { document: null, documentIndex: 1, page: 4, clause: 'Section 8.2' },
      { document: null, documentIndex: 3, page: null, clause: 'Điều 9' },
      { document: null, documentIndex: 2, page: 7, clause: null },
    ]);
    // A name that happens to hold a number is still a name.
    expect(findCitations('[Hợp đồng 2, tr. 3]')[0]).toMatchObject({ document: 'Hợp đồng 2', documentIndex: null });
  });

  it('gives each citation its place in the text', () => {
    const text = 'Xem [tr. 2, Điều 1].';
    const [citation] = findCitations(text);
    expect(text.slice(citation?.start, citation?.end)).toBe('[tr. 2, Điều 1]');
  });

  it('leaves out bracketed text that cites nothing, Markdown links and task boxes', () => {
    expect(findCitations('[sic] [1] [x] [Điều 8](https://example.com) [tr. 0] [ghi chú, xem thêm]')).toEqual([]);
  });
});

describe('citedDocument', () => {
  const docs = [
    { sha256: 'a', name: 'Hợp đồng A.pdf' },
    { sha256: 'b', name: 'Phụ lục_B.docx' },
  ];
  it('finds the named document without its extension or case, and the first one otherwise', () => {
    expect(citedDocument({ document: 'hợp đồng a' }, docs)?.sha256).toBe('a');
    expect(citedDocument({ document: 'Phụ lục B' }, docs)?.sha256).toBe('b');
    expect(citedDocument({ document: 'Hợp đồng khác' }, docs)?.sha256).toBe('a');
    expect(citedDocument({ document: null }, docs)?.sha256).toBe('a');
    expect(citedDocument({ document: null }, [])).toBeNull();
  });

  it('takes the document of the index cited, before any name, and falls back when the index is not one of them', () => {
    expect(citedDocument({ document: null, documentIndex: 2 }, docs)?.sha256).toBe('b');
    expect(citedDocument({ document: 'Hợp đồng A', documentIndex: 2 }, docs)?.sha256).toBe('b');
    expect(citedDocument({ document: null, documentIndex: 7 }, docs)?.sha256).toBe('a');
  });
});

describe('citedPlace, on a real 48-page statute', () => {
  let pages: { page: number; start: number; text: string }[];
  beforeAll(async () => {
    const file = resolve(
      __dirname,
      '../../../shared/data/contracts-vi/luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.pdf',
    );
    pages = (await extractDocument(new Uint8Array(readFileSync(file)), file, undefined)).pageTexts;
  });
  const textOf = (range: { start: number; end: number } | null) =>
    range &&
    pages
      .map((p) => p.text)
      .join('\n\n')
      .slice(range.start, range.end);

  it('finds the cited clause heading on the cited page', () => {
    const place = citedPlace(pages, { page: 5, clause: 'Điều 34.11.LQ.29' });
    expect(place?.page).toBe(5);
    expect(textOf(place?.range ?? null)).toMatch(/^Điều 34\.11\.LQ\.29\. Tạm nhập, tái xuất/);
  });

  it('looks on the next page when the model was one page out', () => {
    const onFive = citedPlace(pages, { page: 5, clause: 'Điều 34.11.LQ.29' });
    const fromFour = citedPlace(pages, { page: 4, clause: 'Điều 34.11.LQ.29' });
    expect(fromFour).toEqual(onFive);
  });

  it('does not take Điều 34.11.LQ.2 for Điều 34.11.LQ.29, and opens the page alone when the clause is not there', () => {
    const place = citedPlace(pages, { page: 5, clause: 'Điều 34.11.LQ.2' });
    expect(textOf(place?.range ?? null) ?? '').not.toMatch(/^Điều 34\.11\.LQ\.29/);
    expect(citedPlace(pages, { page: 5, clause: 'Điều 999' })).toEqual({ page: 5, range: null });
  });

  it('finds a clause cited without a page, or with a page the document does not have, anywhere in it', () => {
    expect(citedPlace(pages, { page: null, clause: 'Điều 34.11.LQ.29' })?.page).toBe(5);
    expect(citedPlace(pages, { page: 999, clause: 'Điều 34.11.LQ.29' })?.page).toBe(5);
    expect(citedPlace(pages, { page: 999, clause: null })).toBeNull();
  });
});
