import { describe, expect, it } from 'vitest';
import { pageOfOffset } from '../../shared/page-map';
import { buildPagedText, findRunningLines, joinBrokenLines } from './page-text';

describe('joinBrokenLines', () => {
  it('joins a sentence broken across lines and keeps clause headings on their own line', () => {
    expect(
      joinBrokenLines([
        'Điều 302. Bồi thường thiệt hại',
        '1. Bồi thường thiệt hại là việc bên vi phạm bồi thường những tổn thất do hành vi vi',
        'phạm hợp đồng gây ra cho bên bị vi phạm.',
        '2. Giá trị bồi thường thiệt hại bao gồm:',
        'a) giá trị tổn thất thực tế;',
      ]),
    ).toBe(
      [
        'Điều 302. Bồi thường thiệt hại',
        '1. Bồi thường thiệt hại là việc bên vi phạm bồi thường những tổn thất do hành vi vi phạm hợp đồng gây ra cho bên bị vi phạm.',
        '2. Giá trị bồi thường thiệt hại bao gồm:',
        'a) giá trị tổn thất thực tế;',
      ].join('\n'),
    );
  });

  it('keeps a hyphen at a break and folds runs of blank lines and spaces', () => {
    expect(joinBrokenLines(['the non-', 'compete   period', '', '', 'SECTION 2', ''])).toBe(
      'the non-compete period\n\nSECTION 2',
    );
  });
});

describe('running headers and footers', () => {
  const page = (n: number, body: string[]) => [`CUAD v1: Supply Agreement`, ...body, `Page ${n}`];
  const pages = [1, 2, 3, 4].map((n) => page(n, [`Section ${n}.1 text of page ${n}`, 'the same clause body']));

  it('finds a line repeated on most pages, with its numbers blanked', () => {
    expect([...findRunningLines(pages).keys()].sort()).toEqual(['CUAD v#: Supply Agreement', 'Page #']);
  });

  it('leaves them out of the page text and keeps what differs', () => {
    const paged = buildPagedText(pages);
    expect(paged.pages[1]?.text).toBe('Section 2.1 text of page 2 the same clause body');
    expect(paged.runningLines.sort()).toEqual(['CUAD v1: Supply Agreement', 'Page 1']);
  });

  it('finds none on fewer than three pages', () => {
    expect(findRunningLines(pages.slice(0, 2)).size).toBe(0);
  });
});

describe('buildPagedText', () => {
  it('normalises decomposed Vietnamese accents to NFC', () => {
    const decomposed = 'Điều 1. Hợp đồng'.normalize('NFD');
    expect(buildPagedText([[decomposed]]).text).toBe('Điều 1. Hợp đồng'.normalize('NFC'));
  });

  it('maps every offset of the whole text to its page', () => {
    const paged = buildPagedText([['first page'], [], ['third page']]);
    expect(paged.text).toBe('first page\n\n\n\nthird page');
    expect(paged.pages.map((p) => [p.page, p.start])).toEqual([
      [1, 0],
      [2, 12],
      [3, 14],
    ]);
    expect(pageOfOffset(paged.pages, 0)).toBe(1);
    expect(pageOfOffset(paged.pages, 9)).toBe(1);
    expect(pageOfOffset(paged.pages, paged.text.indexOf('third'))).toBe(3);
    expect(paged.text.slice(paged.pages[2]?.start)).toBe('third page');
  });
});
