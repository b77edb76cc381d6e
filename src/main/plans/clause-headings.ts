/**
 * Where a contract's or a statute's parts begin: Phần, Chương, Mục, Tiểu mục,
 * Điều, khoản (`1.`) and điểm (`a)`, `đ)`) in Vietnamese; Part, Article,
 * Section and numbered clauses (`5.`, `5.6`, `5.6.1`) in English. A lower
 * level is a part of the one above it. Found in the document's stored text
 * (NFC), at a line's start; an English numbered clause also where CUAD's
 * filings run clauses on in one line, after a run of spaces.
 */

export interface ClauseHeading {
  /** Offset of the heading's first character in the document's text. */
  start: number;
  /** 1 (Phần, Part) to 8 (a fourth-level number); a part of a level-n heading has a level above n. */
  level: number;
  /** As a lawyer cites it: `Chương II`, `Điều 9.1.LQ.24`, `khoản 2`, `điểm a`, `Article 5`, `Section 5.6`. */
  label: string;
}

interface HeadingRule {
  /** The heading itself, tried (sticky) where one may begin. */
  pattern: RegExp;
  /**
   * Where it may begin: at a line's start, after indentation and Markdown's
   * #; or (`clause`) after indentation, or where a filing runs its clauses on
   * in one line, after a run of two or more spaces.
   */
  at: 'line' | 'clause';
  heading(match: RegExpExecArray): Omit<ClauseHeading, 'start'> | null;
}

const rule = (at: HeadingRule['at'], pattern: string, heading: HeadingRule['heading']): HeadingRule => ({
  pattern: new RegExp(pattern, 'uy'),
  at,
  heading,
});
const ROMAN_OR_NUMBER = String.raw`(?:[IVXLCDM]+|\d+)`;

const VIETNAMESE: HeadingRule[] = [
  rule('line', `(Phần|PHẦN)[ \\t]+((?:thứ|THỨ)[ \\t]+)?(\\p{L}+|${ROMAN_OR_NUMBER})`, (m) => ({
    level: 1,
    label: `Phần ${m[2] ?? ''}${m[3]}`,
  })),
  rule('line', `(?:Chương|CHƯƠNG)[ \\t]+(${ROMAN_OR_NUMBER})\\b`, (m) => ({ level: 2, label: `Chương ${m[1]}` })),
  rule('line', `(?:Mục|MỤC)[ \\t]+(\\d+|${ROMAN_OR_NUMBER})\\b`, (m) => ({ level: 3, label: `Mục ${m[1]}` })),
  rule('line', `(?:Tiểu mục|TIỂU MỤC)[ \\t]+(\\d+)\\b`, (m) => ({ level: 4, label: `Tiểu mục ${m[1]}` })),
  // Điều 8, Điều 8a, and the Bộ pháp điển's Điều 9.1.LQ.24 / Điều 9.1.NĐ.2.1.
  rule('line', `(?:Điều|ĐIỀU)[ \\t]+(\\d+[a-z]?(?:\\.[\\dA-ZĐ]+)*)\\.?(?=[\\s:]|$)`, (m) => ({
    level: 5,
    label: `Điều ${m[1]}`,
  })),
  rule('line', `(\\d{1,3})\\.(?=[ \\t]+\\S)`, (m) => ({ level: 6, label: `khoản ${m[1]}` })),
  rule('line', `([a-zđ])\\)(?=[ \\t]+\\S)`, (m) => ({ level: 7, label: `điểm ${m[1]}` })),
];

const ENGLISH: HeadingRule[] = [
  rule('line', `(?:PART|Part)[ \\t]+(${ROMAN_OR_NUMBER}|[A-Z])\\b`, (m) => ({ level: 1, label: `Part ${m[1]}` })),
  rule('line', `(?:ARTICLE|Article|CHAPTER|Chapter)[ \\t]+(${ROMAN_OR_NUMBER})\\b`, (m) => ({
    level: 2,
    label: `Article ${m[1]}`,
  })),
  // "Section 5.6", or a bare number: "5.", "5.6", "5.6.1 Quality ...", "1.1 "Affiliate" means".
  rule('clause', `(?:(?:SECTION|Section)[ \\t]+)?(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\.?(?=[ \\t]+["“(]?[A-Z])`, (m) => {
    const number = m[1] as string;
    return { level: 2 + number.split('.').length, label: `Section ${number}` };
  }),
];

/**
 * The document's headings in order of where they start, at most one a
 * position: its own language's reading first. A document in one language may
 * carry the other's named parts (an English annex in a Vietnamese contract);
 * bare numbers are read as its own language numbers them (khoản in Vietnamese,
 * sections in English).
 */
export function findClauseHeadings(text: string, language: 'vi' | 'en'): ClauseHeading[] {
  const named = (rules: HeadingRule[], count: number) => rules.slice(0, count);
  const rules = language === 'vi' ? [...VIETNAMESE, ...named(ENGLISH, 2)] : [...ENGLISH, ...named(VIETNAMESE, 5)];
  const where = placesToLook(text);
  const byStart = new Map<number, ClauseHeading>();
  for (const rule of rules) {
    for (const start of where[rule.at]) {
      rule.pattern.lastIndex = start;
      const match = rule.pattern.exec(text);
      const found = match && rule.heading(match);
      if (found && !byStart.has(start)) byStart.set(start, { start, ...found });
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

const INDENT = /[ \t]*/y;
const MARKDOWN_HEADING = /#{1,6}[ \t]+/y;
// Where a filing runs a clause on in its line: after something, two or more spaces.
const RUN_ON = /(?<=[^\s]) {2,}/g;

/**
 * Where a heading may begin, worked out once for every rule: each line's
 * start after its indentation (and, for `line` rules, after a Markdown #),
 * and for `clause` rules also the end of each run of spaces inside a line.
 * Sticky rules tried at these few places read the text once, not once a rule.
 */
function placesToLook(text: string): Record<HeadingRule['at'], number[]> {
  const line: number[] = [];
  const clause: number[] = [];
  for (let from = 0; from <= text.length; ) {
    INDENT.lastIndex = from;
    INDENT.exec(text);
    const indented = INDENT.lastIndex;
    clause.push(indented);
    MARKDOWN_HEADING.lastIndex = indented;
    line.push(MARKDOWN_HEADING.exec(text) ? MARKDOWN_HEADING.lastIndex : indented);
    const end = text.indexOf('\n', indented);
    if (end === -1) break;
    from = end + 1;
  }
  RUN_ON.lastIndex = 0;
  for (let match = RUN_ON.exec(text); match !== null; match = RUN_ON.exec(text)) {
    clause.push(match.index + match[0].length);
  }
  clause.sort((a, b) => a - b);
  return { line, clause };
}
