import type { CitationCheck, Verdict } from '../../shared/answers';
import { type Citation, citedDocument, findCitations } from '../../shared/citations';
import { pageOfOffset } from '../../shared/page-map';
import { type OutlineNode, pathAt } from '../plans/chunking';
import { type ComparableText, comparable, findQuote } from './source-text';

/**
 * Each citation of an answer checked against the documents it was given: the
 * quote before it (the decisive words the prompt asks to quote) found in the
 * stored text, exactly, then setting aside whitespace, case and punctuation,
 * then diacritics (đ as d); then whether it stands on the cited page, inside
 * the cited clause. Nothing here trusts the model: a quote found nowhere is
 * `not-found`, shown to the lawyer in red.
 */

export type { CitationCheck, Verdict };

/** A document as the verifier reads it; `outline` and `folded` are built on first use and kept. */
export interface VerifiableDocument {
  sha256: string;
  name: string;
  text: string;
  pages: readonly { page: number; start: number; text: string }[];
  paged: boolean;
  outline(): OutlineNode;
  folded(): ComparableText;
}

/**
 * A document's outline and comparable text, made when first asked for (by
 * default here; the checker passes the plans' cache, so a document is read once).
 */
export function verifiable(
  doc: Omit<VerifiableDocument, 'folded' | 'outline'>,
  outline: () => OutlineNode,
  fold: () => ComparableText = () => comparable(doc.text, 'folded'),
): VerifiableDocument {
  let folded: ComparableText | undefined;
  let tree: OutlineNode | undefined;
  return {
    ...doc,
    outline: () => {
      tree ??= outline();
      return tree;
    },
    folded: () => {
      folded ??= fold();
      return folded;
    },
  };
}

/**
 * The checks of the answer's citations, in order; those starting before
 * `from` left out (a streaming answer's, checked already: each citation's
 * quote is the text since the one before, so a check does not change as the
 * answer grows).
 */
export function verifyCitations(answer: string, documents: readonly VerifiableDocument[], from = 0): CitationCheck[] {
  const citations = findCitations(answer);
  return citations.flatMap((citation, index): CitationCheck[] => {
    if (citation.start < from) return [];
    const previousEnd = index > 0 ? (citations[index - 1] as Citation).end : 0;
    const quote = quoteBefore(answer, citation.start, previousEnd);
    const doc = citedDocument(citation, documents);
    const checked = { start: citation.start, end: citation.end, page: citation.page, clause: citation.clause, quote };
    if (!doc)
      return [
        {
          ...checked,
          document: null,
          verdict: 'not-found',
          foundPages: [],
          foundIn: [],
          range: null,
          match: null,
        },
      ];
    const named = citation.document !== null || citation.documentIndex !== null;
    if (named || documents.length === 1) return [{ ...checked, document: doc.sha256, ...check(doc, citation, quote) }];
    // Several documents and none named (a part's notes cite pages only): the one where the citation best holds.
    const best = documents
      .map((each) => ({ document: each.sha256, ...check(each, citation, quote) }))
      .sort((a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict])[0];
    return [{ ...checked, ...(best ?? { document: doc.sha256, ...check(doc, citation, quote) }) }];
  });
}

/** Which verdict says the citation holds best, for a citation that names no document among several. */
const VERDICT_RANK: Record<CitationCheck['verdict'], number> = {
  verified: 0,
  'no-quote': 1,
  'wrong-clause': 2,
  'wrong-page': 3,
  'not-found': 4,
};

type Checked = Pick<CitationCheck, 'verdict' | 'foundPages' | 'foundIn' | 'range' | 'match'>;

/**
 * One citation given as data (a batch cell's page, clause and quote) checked
 * against its document, as an answer's citation would be.
 */
export function verifyQuoted(
  doc: VerifiableDocument,
  cited: { page: number | null; clause: string | null; quote: string | null },
): Checked {
  const citation: Citation = {
    start: 0,
    end: 0,
    document: null,
    documentIndex: null,
    page: cited.page,
    clause: cited.clause,
  };
  return check(doc, citation, cited.quote?.trim() || null);
}

function check(doc: VerifiableDocument, citation: Citation, quote: string | null): Checked {
  const cited = clauseLabel(citation.clause);
  const pageExists = citation.page === null || !doc.paged || doc.pages.some((p) => p.page === citation.page);
  if (quote === null) {
    const clauseExists = cited === null || hasClause(doc.outline(), cited);
    return {
      verdict: pageExists && clauseExists ? 'no-quote' : 'not-found',
      foundPages: [],
      foundIn: [],
      range: null,
      match: null,
    };
  }
  const found = findQuote(quote, doc);
  if (!found) return { verdict: 'not-found', foundPages: [], foundIn: [], range: null, match: null };
  const located = found.ranges.map((range) => ({
    range,
    pages: pagesOf(doc, range),
    path: pathAt(doc.outline(), range.start),
  }));
  const onPage = (pages: number[]) => citation.page === null || !doc.paged || pages.includes(citation.page);
  const inClause = (path: string[]) =>
    cited === null || !hasAnyHeading(doc) || path.some((label) => sameClause(label, cited));
  const best =
    located.find((l) => onPage(l.pages) && inClause(l.path)) ??
    located.find((l) => onPage(l.pages)) ??
    located.find((l) => inClause(l.path)) ??
    (located[0] as (typeof located)[number]);
  const verdict: Verdict = onPage(best.pages) ? (inClause(best.path) ? 'verified' : 'wrong-clause') : 'wrong-page';
  return { verdict, foundPages: best.pages, foundIn: best.path, range: best.range, match: found.leniency };
}

// A quotation in the answer: “…”, "…" or «…», at most a long paragraph's worth.
const QUOTED = /[“"«]([^“”"«»\n]{2,1200})[”"»]/gu;

/** The last quotation between the citation before this one (or the paragraph's start) and this one. */
function quoteBefore(answer: string, citationStart: number, previousEnd: number): string | null {
  const paragraph = answer.lastIndexOf('\n\n', citationStart - 1);
  const from = Math.max(previousEnd, paragraph === -1 ? 0 : paragraph, citationStart - 1500);
  let last: string | null = null;
  for (const match of answer.slice(from, citationStart).matchAll(QUOTED)) last = (match[1] as string).trim();
  return last && last.length > 0 ? last : null;
}

function pagesOf(doc: VerifiableDocument, range: { start: number; end: number }): number[] {
  if (!doc.paged) return [];
  const first = pageOfOffset(doc.pages, range.start);
  const last = pageOfOffset(doc.pages, Math.max(range.start, range.end - 1));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const CLAUSE = /^(điều|khoản|điểm|chương|mục|phần|section|article|clause|part|chapter)\s+([\p{L}\p{N}.]+?)\.?$/iu;
const ENGLISH_NUMBERED = new Set(['section', 'article', 'clause']);

/** The cited clause's first part (`Điều 8` of `Điều 8, khoản 2`) as keyword and number; null when it has none. */
function clauseLabel(clause: string | null): { keyword: string; number: string } | null {
  const first = clause?.split(',')[0]?.trim().normalize('NFC') ?? '';
  const match = CLAUSE.exec(first);
  if (!match) return null;
  return {
    keyword: (match[1] as string).toLocaleLowerCase('vi'),
    number: (match[2] as string).toLocaleLowerCase('vi'),
  };
}

function sameClause(label: string, cited: { keyword: string; number: string }): boolean {
  const own = clauseLabel(label);
  if (!own || own.number !== cited.number) return false;
  // English documents number Sections, Articles and clauses alike.
  return own.keyword === cited.keyword || (ENGLISH_NUMBERED.has(own.keyword) && ENGLISH_NUMBERED.has(cited.keyword));
}

function hasAnyHeading(doc: VerifiableDocument): boolean {
  return doc.outline().children.length > 0;
}

function hasClause(node: OutlineNode, cited: { keyword: string; number: string }): boolean {
  return node.children.some((child) => sameClause(child.label, cited) || hasClause(child, cited));
}

/** "12 trích dẫn: 10 khớp, 1 sai trang, 1 không tìm thấy": the counts an answer's verdicts come to. */
export function countVerdicts(checks: readonly CitationCheck[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = {
    verified: 0,
    'wrong-page': 0,
    'wrong-clause': 0,
    'not-found': 0,
    'no-quote': 0,
  };
  for (const c of checks) counts[c.verdict]++;
  return counts;
}
