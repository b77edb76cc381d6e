import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SEPARATOR } from '../../shared/page-map';
import { extractDocument } from '../documents/extract';
import { buildOutline, pathAt } from '../plans/chunking';
import { findClauseHeadings } from '../plans/clause-headings';
import { sharedFile } from '../testing/shared-data';
import { type Verdict, type VerifiableDocument, verifiable, verifyCitations } from './verify-citations';

// The long-document issue's verifier target: on at least 200 labelled quotes drawn from the shared documents
// (exact, reflowed, diacritics stripped or case changed, one word changed, invented, right quote on the wrong
// page, wrong clause number), in both languages, the precision and recall of "verified" are both 100%, and
// every wrong page is reported with the right page.

const DOCUMENTS: [string, string, 'vi' | 'en'][] = [
  ['contracts-vi', 'luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.pdf', 'vi'],
  ['pdf-en', 'ArtaraTherapeuticsInc_20200110_8-K_EX-10.5_11943350_EX-10.5_License Agreement.pdf', 'en'],
  ['pdf-en', 'MEDIWOUNDLTD_01_15_2014-EX-10.6-SUPPLY AGREEMENT.pdf', 'en'],
];
const SAMPLES_PER_DOCUMENT = 10;

interface Labelled {
  kind: string;
  answer: string;
  expected: Verdict;
  /** For a wrong page: the page the quote is really on. */
  truePage?: number;
}

const loaded: { doc: VerifiableDocument; language: 'vi' | 'en'; labelled: Labelled[] }[] = [];

/** The test's own comparison, independent of the verifier's: letters and digits only, lower case, no marks. */
const bare = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/giu, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

function label(path: string[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    if (/^(Điều|Section) /u.test(path[i] as string)) return path[i] as string;
  }
  return null;
}

function labelledSet(doc: VerifiableDocument, language: 'vi' | 'en'): Labelled[] {
  const outline = doc.outline();
  const folded = bare(doc.text);
  const cite = (page: number, clause: string) =>
    language === 'vi' ? `[tr. ${page}, ${clause}]` : `[p. ${page}, ${clause}]`;
  const candidates: { sentence: string; page: number; clause: string }[] = [];
  for (const page of doc.pages) {
    // Whole sentences: from a sentence's start (or a line's) to its end.
    for (const match of page.text.matchAll(/(?<=^|[.;:\n])[ \t]*([^.;:\n]{50,180}[.;])/gu)) {
      const sentence = (match[1] as string).trim();
      const at = page.start + (match.index ?? 0) + match[0].indexOf(sentence);
      const clause = label(pathAt(outline, at));
      // Unique in the document, so its page and clause are known for sure.
      if (!clause || sentence.includes('"') || /[“”«»]/u.test(sentence)) continue;
      if (doc.text.indexOf(sentence) !== doc.text.lastIndexOf(sentence)) continue;
      if (folded.indexOf(bare(sentence)) !== folded.lastIndexOf(bare(sentence))) continue;
      candidates.push({ sentence, page: page.page, clause });
    }
  }
  const step = Math.max(1, Math.floor(candidates.length / SAMPLES_PER_DOCUMENT));
  const picked = candidates.filter((_, i) => i % step === 0).slice(0, SAMPLES_PER_DOCUMENT);
  expect(picked.length).toBe(SAMPLES_PER_DOCUMENT);
  const clauses = [...new Set(candidates.map((c) => c.clause))];
  const pages = doc.pages.length;

  return picked.flatMap(({ sentence, page, clause }, n): Labelled[] => {
    const words = sentence.split(' ');
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    const changed = sentence.replace(longest, language === 'vi' ? 'khôngphải' : 'otherwise');
    const otherPage = page + 5 <= pages ? page + 5 : page - 5;
    const otherClause = clauses.find((c) => c !== clause && !bare(c).startsWith(bare(clause))) as string;
    const out: Labelled[] = [
      { kind: 'exact', answer: `Theo tài liệu: “${sentence}” ${cite(page, clause)}.`, expected: 'verified' },
      {
        kind: 'reflowed',
        answer: `“${sentence.replace(/ /g, '  ').replace(/, /g, ' , ')}” ${cite(page, clause)}`,
        expected: 'verified',
      },
      {
        kind: language === 'vi' ? 'no diacritics' : 'case changed',
        answer: `“${language === 'vi' ? sentence.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D') : sentence.toUpperCase()}” ${cite(page, clause)}`,
        expected: 'verified',
      },
      { kind: 'one word changed', answer: `“${changed}” ${cite(page, clause)}`, expected: 'not-found' },
      {
        kind: 'invented',
        answer: `“Bên bán được miễn toàn bộ trách nhiệm trong ${n + 17} trường hợp không lường trước” ${cite(page, clause)}`,
        expected: 'not-found',
      },
      {
        kind: 'wrong page',
        answer: `“${sentence}” ${cite(otherPage, clause)}`,
        expected: 'wrong-page',
        truePage: page,
      },
      { kind: 'wrong clause', answer: `“${sentence}” ${cite(page, otherClause)}`, expected: 'wrong-clause' },
    ];
    // The changed sentence must really be absent, by the test's own reading.
    return out.filter((item) => item.kind !== 'one word changed' || !folded.includes(bare(changed)));
  });
}

beforeAll(async () => {
  for (const [folder, name, language] of DOCUMENTS) {
    const extraction = await extractDocument(new Uint8Array(readFileSync(sharedFile(folder, name))), name, undefined);
    const text = extraction.pageTexts.map((page) => page.text).join(PAGE_SEPARATOR);
    const doc = verifiable(
      { sha256: name.slice(0, 10), name, text, pages: extraction.pageTexts, paged: extraction.pages !== null },
      () => buildOutline(text, findClauseHeadings(text, language)),
    );
    loaded.push({ doc, language, labelled: labelledSet(doc, language) });
  }
}, 60_000);

describe('citations checked against the source', () => {
  it('on 200+ labelled quotes in both languages: "verified" at 100% precision and recall, wrong pages placed', () => {
    let total = 0;
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const wrong: string[] = [];
    for (const { doc, labelled } of loaded) {
      for (const item of labelled) {
        total++;
        const [check] = verifyCitations(item.answer, [doc]);
        const verdict = check?.verdict;
        if (verdict === 'verified' && item.expected === 'verified') truePositives++;
        if (verdict === 'verified' && item.expected !== 'verified') falsePositives++;
        if (verdict !== 'verified' && item.expected === 'verified') falseNegatives++;
        if (verdict !== item.expected)
          wrong.push(`${doc.name} ${item.kind}: ${verdict} for ${item.answer.slice(0, 120)}`);
        if (item.truePage !== undefined) expect(check?.foundPages, item.answer).toContain(item.truePage);
      }
    }
    expect(total).toBeGreaterThanOrEqual(200);
    expect(wrong).toEqual([]);
    expect({
      precision: truePositives / (truePositives + falsePositives),
      recall: truePositives / (truePositives + falseNegatives),
    }).toEqual({
      precision: 1,
      recall: 1,
    });
  });

  it('says "no quote" for a citation of a real page and clause with nothing quoted, and marks where a quote stands', () => {
    const { doc } = loaded[0] as (typeof loaded)[number];
    const first = doc.outline().children.find((node) => node.label.startsWith('Điều')) ?? doc.outline().children[0];
    const page = doc.pages.findLast((p) => p.start <= (first?.start ?? 0))?.page ?? 1;
    const [check] = verifyCitations(`Việc giao hàng được quy định [tr. ${page}, ${first?.label}].`, [doc]);
    expect(check?.verdict).toBe('no-quote');
    const sentence = doc.pages[2]?.text.match(/(?<=\n)[^.;:\n]{50,180}[.;]/u)?.[0].trim() as string;
    const [quoted] = verifyCitations(`“${sentence}” [tr. 3]`, [doc]);
    expect(quoted?.verdict).toBe('verified');
    expect(doc.text.slice(quoted?.range?.start, quoted?.range?.end)).toBe(sentence);
    const [nowhere] = verifyCitations('Xem [tr. 999, Điều 1].', [doc]);
    expect(nowhere?.verdict).toBe('not-found');
  });

  it('checks a quote cited with no document among several in the one that holds it, and one by index in that one', () => {
    const [vi, artara, mediwound] = loaded.map((entry) => entry.doc) as VerifiableDocument[];
    const sentence = (doc: VerifiableDocument) =>
      doc.pages[2]?.text.match(/(?<=\n)[^.;:\n]{50,180}[.;]/u)?.[0].trim() as string;
    const documents = [vi as VerifiableDocument, artara as VerifiableDocument, mediwound as VerifiableDocument];
    const [unnamed] = verifyCitations(`“${sentence(mediwound as VerifiableDocument)}” [p. 3]`, documents);
    expect(unnamed).toMatchObject({ verdict: 'verified', document: mediwound?.sha256 });
    const [indexed] = verifyCitations(`“${sentence(artara as VerifiableDocument)}” [doc 2, p. 3]`, documents);
    expect(indexed).toMatchObject({ verdict: 'verified', document: artara?.sha256 });
    // Cited by index in another document: the quote is not there.
    const [elsewhere] = verifyCitations(`“${sentence(artara as VerifiableDocument)}” [doc 3, p. 3]`, documents);
    expect(elsewhere).toMatchObject({ verdict: 'not-found', document: mediwound?.sha256 });
  });

  it('checks only the citations from an offset on, each as it would be checked in the whole answer', () => {
    const { doc } = loaded[0] as (typeof loaded)[number];
    const sentence = doc.pages[2]?.text.match(/(?<=\n)[^.;:\n]{50,180}[.;]/u)?.[0].trim() as string;
    const answer = `“${sentence}” [tr. 3]. Thêm: “Câu không có trong luật này.” [tr. 4]. “${sentence}” [tr. 3].`;
    const whole = verifyCitations(answer, [doc]);
    expect(whole.map((check) => check.verdict)).toEqual(['verified', 'not-found', 'verified']);
    const later = verifyCitations(answer, [doc], (whole[0]?.end ?? 0) + 1);
    expect(later).toEqual(whole.slice(1));
    // A prefix ending at the second citation checks the first two as the whole answer does.
    expect(verifyCitations(answer.slice(0, whole[1]?.end), [doc])).toEqual(whole.slice(0, 2));
  });
});
