import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SEPARATOR } from '../../shared/page-map';
import { extractDocument } from '../documents/extract';
import { sharedFile } from '../testing/shared-data';
import {
  buildOutline,
  type ChunkSource,
  chunkDocument,
  isCharacterBoundary,
  type OutlineNode,
  spanTokenCounter,
} from './chunking';
import { findClauseHeadings } from './clause-headings';

// The target: over every shared Vietnamese and English document, the chunks cover the text exactly once,
// no boundary falls inside a clause (unless that clause alone is over the budget) or inside a character, and
// every chunk's breadcrumb and pages are right.

const FOLDERS: [string, RegExp][] = [
  ['contracts-en', /\.txt$/],
  ['contracts-vi', /\.(md|txt|pdf)$/],
  ['pdf-en', /\.pdf$/i],
  ['pdf-en/cuad-original', /\.pdf$/i],
];
const BUDGETS = [1_500, 6_000];

interface Loaded {
  name: string;
  source: ChunkSource;
}

const documents: Loaded[] = [];

function sourceOf(extraction: Awaited<ReturnType<typeof extractDocument>>): ChunkSource {
  const text = extraction.pageTexts.map((page) => page.text).join(PAGE_SEPARATOR);
  return {
    text,
    language: extraction.language,
    paged: extraction.pages !== null,
    pageMarkerTokens: 5,
    pages: extraction.pageTexts.map((page) => ({
      page: page.page,
      start: page.start,
      length: page.text.length,
      // Counted at ingest, a page at a time.
      tokens: page.tokens.o200k_base,
    })),
  };
}

beforeAll(async () => {
  for (const [folder, kind] of FOLDERS) {
    for (const name of readdirSync(sharedFile(folder)).filter((file) => kind.test(file) && !/README/.test(file))) {
      const bytes = new Uint8Array(readFileSync(sharedFile(folder, name)));
      documents.push({ name: `${folder}/${name}`, source: sourceOf(await extractDocument(bytes, name, undefined)) });
    }
  }
}, 120_000);

/** Every heading's part that strictly holds `offset` (the root, the whole document, is not a clause). */
function partsHolding(node: OutlineNode, offset: number, into: OutlineNode[] = []): OutlineNode[] {
  for (const child of node.children) {
    if (child.start < offset && offset < child.end) into.push(child);
    if (child.start <= offset && offset < child.end) partsHolding(child, offset, into);
  }
  return into;
}

/** How a heading's label stands in the text: `khoản 2` as `2.`, `điểm a` as `a)`, `Section 5.6` as `5.6` or `Section 5.6`. */
function headingText(label: string): RegExp {
  const [word, number = ''] = label.split(/ (.*)/su);
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  if (word === 'khoản') return new RegExp(`^${escaped}\\.`, 'u');
  if (word === 'điểm') return new RegExp(`^${escaped}\\)`, 'u');
  if (word === 'Section') return new RegExp(`^(Section[ \\t]+)?${escaped}\\b`, 'iu');
  if (word === 'Article') return new RegExp(`^(Article|Chapter)[ \\t]+${escaped}\\b`, 'iu');
  if (word === 'Part') return new RegExp(`^Part[ \\t]+${escaped}\\b`, 'iu');
  return new RegExp(`^${(word as string).replace(/\s+/gu, '[ \\t]+')}[ \\t]+${escaped}`, 'iu');
}

describe('clause-aware chunks of every shared document', () => {
  it('reads the shared documents', () => {
    expect(documents.length).toBeGreaterThanOrEqual(31);
  });

  for (const budget of BUDGETS) {
    it(`at ${budget.toLocaleString('en')} tokens: cover the text once, cut only at clauses and characters, name their place`, () => {
      for (const { name, source } of documents) {
        const where = `${basename(name)} at ${budget}`;
        const outline = buildOutline(source.text, findClauseHeadings(source.text, source.language));
        const chunks = chunkDocument(source, budget, outline);
        const tokensOf = spanTokenCounter(source);

        // Exactly once, in order.
        expect(chunks[0]?.start, where).toBe(0);
        expect(chunks.at(-1)?.end, where).toBe(source.text.length);
        chunks.forEach((chunk, i) => {
          expect(chunk.index, where).toBe(i);
          expect(chunk.end, where).toBeGreaterThan(chunk.start);
          if (i > 0) expect(chunk.start, where).toBe(chunks[i - 1]?.end);
          expect(chunk.tokens, where).toBeLessThanOrEqual(budget);
          expect(chunk.tokens, where).toBe(tokensOf(chunk.start, chunk.end));
        });

        for (const chunk of chunks.slice(1)) {
          const at = `${where}, chunk ${chunk.index} at ${chunk.start}`;
          // Never inside a character.
          expect(isCharacterBoundary(source.text, chunk.start), at).toBe(true);
          // Inside a clause only when that clause alone is over the budget.
          for (const part of partsHolding(outline, chunk.start)) {
            expect(tokensOf(part.start, part.end), `${at} inside ${part.label}`).toBeGreaterThan(budget);
          }
        }

        const headings = findClauseHeadings(source.text, source.language);
        const headingAt = new Map(headings.map((heading) => [heading.start, heading]));
        for (const chunk of chunks) {
          const at = `${where}, chunk ${chunk.index}`;
          // The breadcrumb: each label's heading stands in the text before the chunk, outermost first.
          let searchedFrom = 0;
          for (const label of chunk.path) {
            const pattern = headingText(label);
            let found = -1;
            for (const heading of headings) {
              if (heading.start < searchedFrom || heading.start > chunk.start) continue;
              if (heading.label === label && pattern.test(source.text.slice(heading.start, heading.start + 80))) {
                found = heading.start;
              }
            }
            expect(found, `${at}: ${label} of ${chunk.path.join(' > ')}`).toBeGreaterThanOrEqual(searchedFrom);
            searchedFrom = found;
          }
          // A chunk that starts at a heading names it last.
          const startsAt = headingAt.get(chunk.start);
          if (startsAt) expect(chunk.path.at(-1), at).toBe(startsAt.label);
          // The pages: those whose text the chunk holds, counted from the page map.
          if (source.paged) {
            const expected = source.pages
              .filter((page) => page.start < chunk.end && page.start + page.length > chunk.start)
              .map((page) => page.page);
            expect(chunk.pages, at).toEqual(expected);
            expect(chunk.pages.length, at).toBeGreaterThan(0);
          } else {
            expect(chunk.pages, at).toEqual([]);
          }
        }
      }
    }, 120_000);
  }
});

describe('chunks of a Vietnamese contract', () => {
  const contract = [
    'HỢP ĐỒNG THUÊ KHO',
    'Chương I',
    'QUY ĐỊNH CHUNG',
    'Điều 1. Đối tượng',
    'Bên A cho Bên B thuê kho số 5.',
    'Điều 2. Giá thuê và thanh toán',
    '1. Giá thuê là 100.000.000 đồng mỗi tháng.',
    '2. Bên B thanh toán trước ngày 5 hằng tháng.',
    'a) Chuyển khoản vào tài khoản của Bên A.',
    'b) Chậm thanh toán chịu lãi 10%/năm.',
    'Chương II',
    'Điều 3. Chấm dứt hợp đồng',
    'Mỗi bên được chấm dứt với 30 ngày báo trước.',
  ].join('\n');
  const source: ChunkSource = {
    text: contract,
    language: 'vi',
    paged: false,
    pageMarkerTokens: 5,
    // One "page", one token a character: budgets below are in characters.
    pages: [{ page: 1, start: 0, length: contract.length, tokens: contract.length }],
  };

  it('keeps each Điều whole when it fits, and names where each chunk starts', () => {
    const chunks = chunkDocument(source, 200);
    const texts = chunks.map((chunk) => contract.slice(chunk.start, chunk.end));
    expect(texts.every((text, i) => i === 0 || /^(Chương|Điều)/u.test(text))).toBe(true);
    expect(chunks.map((chunk) => chunk.path.join(' > '))).toContain('Chương II');
    expect(chunks.find((chunk) => contract.slice(chunk.start).startsWith('Điều 2'))?.path).toEqual([
      'Chương I',
      'Điều 2',
    ]);
  });

  it('cuts an Điều over the budget at its khoản and điểm, never inside one that fits', () => {
    const chunks = chunkDocument(source, 60);
    const starts = chunks.map((chunk) => contract.slice(chunk.start, chunk.start + 12));
    expect(starts).toContain('2. Bên B tha');
    expect(chunks.find((chunk) => contract.slice(chunk.start).startsWith('b) Chậm'))?.path).toEqual([
      'Chương I',
      'Điều 2',
      'khoản 2',
      'điểm b',
    ]);
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(60);
  });

  it('cuts a sentence over the budget at a space, and never between a letter and its combining mark', () => {
    // NFD: each "ệ" is e + two combining marks.
    const text = 'Điều 1. '.concat('Nghĩa vụ của Bên bán '.normalize('NFD').repeat(40));
    const one: ChunkSource = {
      ...source,
      text,
      pages: [{ page: 1, start: 0, length: text.length, tokens: text.length }],
    };
    const chunks = chunkDocument(one, 50);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks.slice(1)) {
      expect(isCharacterBoundary(text, chunk.start)).toBe(true);
      expect(text[chunk.start - 1]).toBe(' ');
    }
  });
});
