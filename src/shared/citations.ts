/**
 * Citations in a model's answer, in the form the prompt asks for:
 * `[tr. 12, Điều 8]` (Vietnamese), `[p. 12, Section 8]` (English), with the
 * document's index first when several were sent (`[tài liệu 2, tr. 3, Điều 5]`,
 * `[doc 2, p. 3, Section 5]`; a name, as models also write, is read too), and
 * the clause alone for a document without pages (`[Điều 8, khoản 2]`).
 * Models mix the two languages' words, so both are read in either.
 */
export interface Citation {
  /** Where the bracketed citation stands in the text it was found in. */
  start: number;
  end: number;
  /** The document's name as the model wrote it, when it named one. */
  document: string | null;
  /** The document's index (1-based, as the prompt numbers them), when the model cited one. */
  documentIndex: number | null;
  page: number | null;
  /** The clause as written (`Điều 8, khoản 2`), or null. */
  clause: string | null;
}

// Brackets holding no bracket and no line break, short enough to be a citation rather than a bracketed aside.
const BRACKETED = /\[([^[\]\n]{1,160})\]/gu;
// "tr. 12", "trang 12", "p. 12", "pp. 12-13", "page 12": the first page is the one opened.
const PAGE = /^(?:tr\.?|trang|p\.|pp\.|page|pages)\s*(\d{1,5})(?:\s*[-–]\s*\d{1,5})?$/iu;
// A clause named without a page: what a citation of a document without pages starts with.
const CLAUSE = /^(?:Điều|Khoản|Điểm|Chương|Mục|Phụ lục|Section|Article|Clause|Schedule|Exhibit|Annex)\s+\S/iu;
// "tài liệu 2", "TL 2", "doc 2", "document 2": the document by its index in the request.
const DOCUMENT_INDEX = /^(?:tài liệu|tl|doc\.?|document)\s*(\d{1,2})$/iu;

/** Every citation in `text`, in order; bracketed text that is not one (`[sic]`, `[1]`) is left out. */
export function findCitations(text: string): Citation[] {
  const found: Citation[] = [];
  for (const match of text.matchAll(BRACKETED)) {
    // A Markdown link's text is not a citation: `[Điều 8](https://...)`.
    if (text[match.index + match[0].length] === '(') continue;
    const citation = parseCitation(match[1] as string);
    if (citation) found.push({ start: match.index, end: match.index + match[0].length, ...citation });
  }
  return found;
}

function parseCitation(inside: string): Omit<Citation, 'start' | 'end'> | null {
  const parts = inside.split(',').map((part) => part.trim());
  const pageAt = parts.findIndex((part) => PAGE.test(part));
  if (pageAt !== -1) {
    const page = Number(PAGE.exec(parts[pageAt] as string)?.[1]);
    if (page < 1) return null;
    return { ...documentOf(parts.slice(0, pageAt)), page, clause: joined(parts.slice(pageAt + 1)) };
  }
  const clauseAt = parts.findIndex((part) => CLAUSE.test(part));
  if (clauseAt === -1) return null;
  return { ...documentOf(parts.slice(0, clauseAt)), page: null, clause: joined(parts.slice(clauseAt)) };
}

/** What stands before the page or clause: the document's index, or its name. */
function documentOf(parts: string[]): Pick<Citation, 'document' | 'documentIndex'> {
  const document = joined(parts);
  const index = document === null ? null : DOCUMENT_INDEX.exec(document);
  return index ? { document: null, documentIndex: Number(index[1]) } : { document, documentIndex: null };
}

function joined(parts: string[]): string | null {
  const text = parts.filter((part) => part !== '').join(', ');
  return text === '' ? null : text;
}

/**
 * Which of the answer's documents a citation points to: the one of its index,
 * or the one it names (compared without case, accents kept, and without the
 * file's extension), else the first. Null when the answer had no documents.
 */
export function citedDocument<T extends { sha256: string; name: string }>(
  citation: Pick<Citation, 'document'> & Partial<Pick<Citation, 'documentIndex'>>,
  documents: readonly T[],
): T | null {
  const indexed = citation.documentIndex ? documents[citation.documentIndex - 1] : undefined;
  if (indexed) return indexed;
  if (citation.document) {
    const named = comparable(citation.document);
    const exact = documents.find((doc) => comparable(doc.name) === named);
    const partly = documents.find(
      (doc) => comparable(doc.name).includes(named) || named.includes(comparable(doc.name)),
    );
    if (exact ?? partly) return exact ?? partly ?? null;
  }
  return documents[0] ?? null;
}

function comparable(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\.(pdf|docx|txt|md)$/iu, '')
    .replace(/[\s_]+/gu, ' ')
    .trim();
}

export interface CitedPlace {
  page: number;
  /** The clause's heading line in the document's text (offsets of the whole text), when it was found. */
  range: { start: number; end: number } | null;
}

/**
 * Where a citation lands in a document: the cited page, and on it the line
 * where the cited clause (its first part: `Điều 8` of `Điều 8, khoản 2`)
 * begins. A clause not on the cited page is looked for on the pages next to
 * it (models are often one page out), and, for a citation without a page or
 * with one the document does not have (a text file has one "page"), in the
 * whole document. Null when there is nothing to show: a page that is not
 * there and no clause.
 */
export function citedPlace(
  pages: readonly { page: number; start: number; text: string }[],
  citation: Pick<Citation, 'page' | 'clause'>,
): CitedPlace | null {
  if (pages.length === 0) return null;
  const first = pages[0] as (typeof pages)[number];
  const cited = citation.page === null ? null : (pages.find((p) => p.page === citation.page) ?? null);
  const label = citation.clause?.split(',')[0]?.trim() ?? '';
  if (label === '') return cited ? { page: cited.page, range: null } : null;
  const searched = cited
    ? pages.filter((p) => Math.abs(p.page - cited.page) <= 1).sort((a, b) => distance(a, cited) - distance(b, cited))
    : pages;
  for (const page of searched) {
    const at = clauseStart(page.text, label);
    if (at === -1) continue;
    const lineEnd = page.text.indexOf('\n', at);
    const end = lineEnd === -1 ? page.text.length : lineEnd;
    return { page: page.page, range: { start: page.start + at, end: page.start + end } };
  }
  return { page: cited?.page ?? first.page, range: null };
}

function distance(a: { page: number }, b: { page: number }): number {
  return Math.abs(a.page - b.page);
}

/**
 * Where `label` ("Điều 8", "Section 8.2") starts as a heading or a reference
 * in the text: case-insensitive, at a word's start, and not followed by more
 * of a number ("Điều 8" is not "Điều 81" nor "Điều 8.1"). A line that begins
 * with it (the clause's own heading) wins over a mention in a sentence.
 */
function clauseStart(text: string, label: string): number {
  const escaped = label
    .normalize('NFC')
    .replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
    .replace(/\s+/gu, '\\s+');
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${escaped})(?![\\p{N}]|[.,]\\p{N})`, 'giu');
  let mention = -1;
  for (const match of text.matchAll(pattern)) {
    const at = match.index + (match[1] as string).length;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (text.slice(lineStart, at).trim() === '') return at;
    if (mention === -1) mention = at;
  }
  return mention;
}
