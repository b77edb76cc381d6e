import { type ClauseHeading, findClauseHeadings } from './clause-headings';

/**
 * A long document cut into parts a model can read one at a time, at its own
 * clauses: a part ends where a Phần, Chương, Mục, Điều (or Article, Section)
 * begins, never inside one, unless that one alone is over the budget; then
 * it is cut at its khoản or điểm (numbered sub-clauses), then at a sentence,
 * and only a sentence over the budget is cut inside, at a space, never inside
 * a character. The parts cover the text exactly once, in order.
 */

/** A document as the chunker reads it: its whole stored text and its pages, with each page's tokens. */
export interface ChunkSource {
  text: string;
  language: 'vi' | 'en';
  /** Pages in order, with their offsets in `text` and tokens in the model's encoding. */
  pages: readonly { page: number; start: number; length: number; tokens: number }[];
  /** Whether the document has pages (a PDF): only then do chunks name them and pay for their `[Page N]` markers. */
  paged: boolean;
  /** Tokens of one `[Page N]` marker in the request. */
  pageMarkerTokens: number;
}

export interface Chunk {
  index: number;
  /** Offsets in the document's stored text: [start, end). */
  start: number;
  end: number;
  /** The pages it holds text of, in order; empty for a document without pages. */
  pages: number[];
  /** Its tokens as sent, page markers included. */
  tokens: number;
  /** The headings it starts under, outermost first: `Chương II > Mục 1 > Điều 9.1.LQ.16`. */
  path: string[];
}

/** A heading's part of the text: from the heading to the next heading of its level or above. */
export interface OutlineNode {
  start: number;
  end: number;
  level: number;
  label: string;
  children: OutlineNode[];
}

/** The document's parts as a tree: the root is the whole text; its preamble is what comes before its first part. */
export function buildOutline(text: string, headings: readonly ClauseHeading[]): OutlineNode {
  const root: OutlineNode = { start: 0, end: text.length, level: 0, label: '', children: [] };
  const stack: OutlineNode[] = [root];
  // A numbered section is a part of the one whose number begins its own: 5.3.1 of 5.3, not of 3.13.
  const outside = (top: OutlineNode, heading: ClauseHeading) =>
    top.level >= heading.level ||
    (top.label.startsWith('Section ') &&
      heading.label.startsWith('Section ') &&
      !heading.label.startsWith(`${top.label}.`));
  for (const heading of headings) {
    while (outside(stack.at(-1) as OutlineNode, heading)) (stack.pop() as OutlineNode).end = heading.start;
    const node: OutlineNode = {
      start: heading.start,
      end: text.length,
      level: heading.level,
      label: heading.label,
      children: [],
    };
    (stack.at(-1) as OutlineNode).children.push(node);
    stack.push(node);
  }
  return root;
}

/** The labels of the parts that hold `offset`, outermost first. */
export function pathAt(outline: OutlineNode, offset: number): string[] {
  const path: string[] = [];
  let node = outline;
  for (;;) {
    const child = node.children.find((c) => c.start <= offset && offset < c.end);
    if (!child) return path;
    path.push(child.label);
    node = child;
  }
}

interface Span {
  start: number;
  end: number;
  /** A heading's part, which may be cut at its own parts; null for plain text. */
  node: OutlineNode | null;
}

/** Counts a span's tokens from its pages' counts, in proportion to the characters it holds of each. */
export function spanTokenCounter(source: ChunkSource): (start: number, end: number) => number {
  const { pages } = source;
  const starts = pages.map((page) => page.start);
  const firstPageAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return (start, end) => {
    let tokens = 0;
    for (let i = firstPageAt(start); i < pages.length; i++) {
      const page = pages[i] as ChunkSource['pages'][number];
      if (page.start >= end) break;
      const held = Math.min(end, page.start + page.length) - Math.max(start, page.start);
      if (held <= 0) continue;
      tokens += (page.tokens * held) / Math.max(1, page.length);
      if (source.paged) tokens += source.pageMarkerTokens;
    }
    return Math.ceil(tokens);
  };
}

/** Cuts the document into chunks of at most `budget` tokens each (where its clauses allow: see above). */
export function chunkDocument(source: ChunkSource, budget: number, outline?: OutlineNode): Chunk[] {
  if (!(budget > 0)) throw new RangeError(`a chunk budget must be positive, not ${budget}`);
  const tree = outline ?? buildOutline(source.text, findClauseHeadings(source.text, source.language));
  const tokensOf = spanTokenCounter(source);
  const spans = pack(partsOf(tree), budget, tokensOf, source.text);
  return spans.map((span, index) => ({
    index,
    start: span.start,
    end: span.end,
    pages: source.paged ? pagesOf(source, span.start, span.end) : [],
    tokens: tokensOf(span.start, span.end),
    path: pathAt(tree, span.start),
  }));
}

/** A part's own text before its first sub-part (its heading and lead-in), then its sub-parts. */
function partsOf(node: OutlineNode): Span[] {
  const first = node.children[0];
  const introEnd = first ? first.start : node.end;
  const parts: Span[] = introEnd > node.start ? [{ start: node.start, end: introEnd, node: null }] : [];
  for (const child of node.children) parts.push({ start: child.start, end: child.end, node: child });
  return parts;
}

/**
 * The pieces the chunks are made of: a part that fits is one piece; a part
 * over the budget gives its own parts' pieces (its heading and lead-in, then
 * its sub-parts), and plain text over it gives its sentences, a sentence over
 * it cut at spaces. Every piece starts where a boundary may fall: at a part
 * that fits, inside parts that do not.
 */
function piecesOf(
  parts: Span[],
  budget: number,
  tokensOf: (start: number, end: number) => number,
  text: string,
): Span[] {
  return parts.flatMap((part) => {
    if (tokensOf(part.start, part.end) <= budget) return [part];
    if (part.node && part.node.children.length > 0) return piecesOf(partsOf(part.node), budget, tokensOf, text);
    return sentencesOf(part, text).flatMap((sentence) =>
      tokensOf(sentence.start, sentence.end) <= budget ? [sentence] : cutInside(sentence, budget, tokensOf, text),
    );
  });
}

/** Consecutive pieces joined while they fit: fewer requests, and only the boundaries needed. */
function pack(parts: Span[], budget: number, tokensOf: (start: number, end: number) => number, text: string): Span[] {
  const out: Span[] = [];
  let current: Span | null = null;
  for (const piece of piecesOf(parts, budget, tokensOf, text)) {
    if (current && tokensOf(current.start, piece.end) <= budget) {
      current = { start: current.start, end: piece.end, node: null };
      continue;
    }
    if (current) out.push(current);
    current = piece;
  }
  if (current) out.push(current);
  return out;
}

// A sentence ends at . ! ? (not a number's "3."), ; : or … and any closing quote or bracket, before a space; or at a line break.
const SENTENCE_END = /(?:(?<!\d)[.!?]|[;:…])["”’)\]]*[ \t]+|\n+/gu;

/** Plain text as its sentences, in order, covering it. */
function sentencesOf(span: Span, text: string): Span[] {
  const sentences: Span[] = [];
  let from = span.start;
  SENTENCE_END.lastIndex = span.start;
  for (let match = SENTENCE_END.exec(text); match !== null; match = SENTENCE_END.exec(text)) {
    const end = match.index + match[0].length;
    if (end >= span.end) break;
    sentences.push({ start: from, end, node: null });
    from = end;
  }
  sentences.push({ start: from, end: span.end, node: null });
  return sentences;
}

/** A run of text with no sentence end under the budget: cut at the last space that keeps a piece within it. */
function cutInside(span: Span, budget: number, tokensOf: (start: number, end: number) => number, text: string): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (start < span.end) {
    // The longest end that fits, by halving: token counts grow with the span.
    let low = start + 1;
    let high = span.end;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (tokensOf(start, mid) <= budget) low = mid;
      else high = mid - 1;
    }
    let end = low;
    if (end < span.end) {
      const space = text.lastIndexOf(' ', end - 1);
      if (space > start) end = space + 1;
      end = characterBoundary(text, end, start);
    }
    out.push({ start, end, node: null });
    start = end;
  }
  return out;
}

/** `at`, or the nearest offset before it (after `floor`) that is not inside a character: a surrogate pair, a combining mark, CRLF. */
export function characterBoundary(text: string, at: number, floor: number): number {
  let offset = at;
  while (offset > floor + 1 && !isCharacterBoundary(text, offset)) offset--;
  return offset;
}

const MARK = /\p{M}|\u200d|\ufe0f/u;

export function isCharacterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return false;
  if (before === 0x0d && after === 0x0a) return false;
  // A combining mark (or joiner) belongs to the character before it.
  return !MARK.test(text[offset] as string) && text[offset - 1] !== '\u200d';
}

/** The pages a span holds text of: from the page of its first character to that of its last. */
export function pagesOf(source: ChunkSource, start: number, end: number): number[] {
  const held = source.pages.filter((page) => page.start < end && page.start + page.length > start);
  return held.map((page) => page.page);
}
