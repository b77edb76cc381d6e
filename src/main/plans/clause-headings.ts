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
  pattern: RegExp;
  heading(match: RegExpExecArray): Omit<ClauseHeading, 'start'> | null;
}

// A line's start, with Markdown's # and indentation allowed before the heading.
const LINE = String.raw`(?<=^|\n)[ \t]*(?:#{1,6}[ \t]+)?`;
const ROMAN_OR_NUMBER = String.raw`(?:[IVXLCDM]+|\d+)`;

const VIETNAMESE: HeadingRule[] = [
  {
    pattern: new RegExp(`${LINE}(Phần|PHẦN)[ \\t]+((?:thứ|THỨ)[ \\t]+)?(\\p{L}+|${ROMAN_OR_NUMBER})`, 'gu'),
    heading: (m) => ({ level: 1, label: `Phần ${m[2] ?? ''}${m[3]}` }),
  },
  {
    pattern: new RegExp(`${LINE}(?:Chương|CHƯƠNG)[ \\t]+(${ROMAN_OR_NUMBER})\\b`, 'gu'),
    heading: (m) => ({ level: 2, label: `Chương ${m[1]}` }),
  },
  {
    pattern: new RegExp(`${LINE}(?:Mục|MỤC)[ \\t]+(\\d+|${ROMAN_OR_NUMBER})\\b`, 'gu'),
    heading: (m) => ({ level: 3, label: `Mục ${m[1]}` }),
  },
  {
    pattern: new RegExp(`${LINE}(?:Tiểu mục|TIỂU MỤC)[ \\t]+(\\d+)\\b`, 'gu'),
    heading: (m) => ({ level: 4, label: `Tiểu mục ${m[1]}` }),
  },
  {
    // Điều 8, Điều 8a, and the Bộ pháp điển's Điều 9.1.LQ.24 / Điều 9.1.NĐ.2.1.
    pattern: new RegExp(`${LINE}(?:Điều|ĐIỀU)[ \\t]+(\\d+[a-z]?(?:\\.[\\dA-ZĐ]+)*)\\.?(?=[\\s:]|$)`, 'gu'),
    heading: (m) => ({ level: 5, label: `Điều ${m[1]}` }),
  },
  {
    pattern: new RegExp(`${LINE}(\\d{1,3})\\.(?=[ \\t]+\\S)`, 'gu'),
    heading: (m) => ({ level: 6, label: `khoản ${m[1]}` }),
  },
  {
    pattern: new RegExp(`${LINE}([a-zđ])\\)(?=[ \\t]+\\S)`, 'gu'),
    heading: (m) => ({ level: 7, label: `điểm ${m[1]}` }),
  },
];

// A line's start, or a run of two or more spaces where a filing runs its clauses on in one line.
const CLAUSE_START = String.raw`(?:(?<=^|\n)[ \t]*|(?<=[^\s] {2,}))`;

const ENGLISH: HeadingRule[] = [
  {
    pattern: new RegExp(`${LINE}(?:PART|Part)[ \\t]+(${ROMAN_OR_NUMBER}|[A-Z])\\b`, 'gu'),
    heading: (m) => ({ level: 1, label: `Part ${m[1]}` }),
  },
  {
    pattern: new RegExp(`${LINE}(?:ARTICLE|Article|CHAPTER|Chapter)[ \\t]+(${ROMAN_OR_NUMBER})\\b`, 'gu'),
    heading: (m) => ({ level: 2, label: `Article ${m[1]}` }),
  },
  {
    // "Section 5.6", or a bare number: "5.", "5.6", "5.6.1 Quality ...", "1.1 "Affiliate" means".
    pattern: new RegExp(
      `${CLAUSE_START}(?:(?:SECTION|Section)[ \\t]+)?(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\.?(?=[ \\t]+["“(]?[A-Z])`,
      'gu',
    ),
    heading: (m) => {
      const number = m[1] as string;
      return { level: 2 + number.split('.').length, label: `Section ${number}` };
    },
  },
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
  const byStart = new Map<number, ClauseHeading>();
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match !== null; match = rule.pattern.exec(text)) {
      const found = rule.heading(match);
      if (!found) continue;
      // The heading starts at its keyword or number, after any indentation or # marks.
      const start = match.index + (match[0].length - match[0].trimStart().replace(/^#{1,6}[ \t]+/u, '').length);
      if (!byStart.has(start)) byStart.set(start, { start, ...found });
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}
