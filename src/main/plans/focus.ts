import { type ComparableText, comparable } from '../citations/source-text';
import {
  type Chunk,
  type ChunkSource,
  chunkDocument,
  type OutlineNode,
  pagesOf,
  pathAt,
  spanTokenCounter,
} from './chunking';
import { LEGAL_VOCABULARY } from './legal-vocabulary';

/**
 * The focused plan's choice: the passages of a document that matter most to
 * the question, ranked by BM25 over the document's own clauses. Words are
 * compared folded (lower case, no diacritics, đ as d: the citation checker's
 * folding) and cut to their first six letters, so "termination" meets
 * "terminate" and "thanh toan" meets "thanh toán"; the question's words are
 * widened by a small vi/en legal vocabulary, so a Vietnamese question finds
 * an English contract's clauses and the other way round.
 *
 * The FTS5 index holds pages, and a contract kept as text is one page; a
 * clause is the unit a lawyer reads and a model cites, so the ranking is done
 * here, over the clauses the chunker already cuts, with the same folding the
 * index applies (and đ, which the index keeps apart, folded too).
 */

/** A word or a run of words (Vietnamese words are runs of syllables), with its weight in the score. */
export interface SearchTerm {
  words: string[];
  weight: number;
}

/**
 * A word as compared: an English plural's "s" dropped ("laws" is "law"; no
 * Vietnamese syllable ends in s), then its first six letters, enough to tell
 * legal words apart and to join their forms ("terminate", "termination").
 */
const STEM_LENGTH = 6;
const PLURAL = /(?<=[^su])s$/u;
const stem = (word: string) => {
  const single = word.length > 3 ? word.replace(PLURAL, '') : word;
  return single.length > STEM_LENGTH ? single.slice(0, STEM_LENGTH) : single;
};

/** A quoted word weighs this many times an unquoted one. */
const QUOTED_WEIGHT = 3;

/** Question words that say nothing about which clause holds the answer, in either language (folded). */
const STOP_WORDS = new Set(
  [
    // English
    'a an and any are as at be been being but by can could did do does each either for from had has have how if in',
    'into is it its may might must no not of on or other our shall should so such than that the their them then there',
    'these they this those to under upon was we were what when where whether which while who whom why will with would',
    'you your all also about above after before between both during per via include includes including related',
    'regarding concerning provision provisions clause clauses contract agreement section article highlight parts part',
    'reviewed lawyer details detail give list extract every find show tell please',
    // Vietnamese (folded): function words and the question's own wording.
    'cua va cac nhung la co duoc trong cho voi theo nay do nao gi khong ve khi thi neu hoac tai tu den bi hay liet ke',
    'moi tat ca dieu khoan quy dinh hop dong nhu the ra sao bao nhieu o mot hai',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The question as search terms: each word that says something, each pair of
 * neighbouring words (a Vietnamese word, an English phrase), and the words of
 * every vocabulary entry the question names, at a lower weight.
 */
export function searchTerms(question: string): SearchTerm[] {
  const words = comparable(question, 'folded')
    .text.split(' ')
    .filter((word) => word !== '');
  // What the lawyer puts in quotes is what the question is about ("Cap on Liability", “phạt vi phạm”).
  const quoted = new Set(
    [...question.matchAll(/["“”«»]([^"“”«»]{2,120})["“”«»]/gu)].flatMap((m) =>
      comparable(m[1] as string, 'folded').text.split(' '),
    ),
  );
  const terms = new Map<string, SearchTerm>();
  const add = (run: string[], weight: number) => {
    const stems = run.map(stem);
    const key = stems.join(' ');
    const known = terms.get(key);
    if (!known || known.weight < weight) terms.set(key, { words: stems, weight });
  };
  const telling = (word: string | undefined) =>
    word !== undefined && word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/u.test(word);
  words.forEach((word, index) => {
    if (!telling(word)) return;
    const weight = quoted.has(word) ? QUOTED_WEIGHT : 1;
    add([word], weight);
    const next = words[index + 1];
    if (telling(next)) add([word, next as string], weight);
  });
  const padded = ` ${words.join(' ')} `;
  for (const entry of LEGAL_VOCABULARY) {
    if (!entry.some((phrase) => padded.includes(` ${phrase} `))) continue;
    for (const phrase of entry) {
      const run = phrase.split(' ');
      add(run, 0.6);
      if (run.length > 2) for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2), 0.4);
    }
  }
  // A pair is scored as a phrase: only pairs, longer runs are read as their pairs.
  return [...terms.values()].filter((term) => term.words.length <= 2);
}

/** A clause of a document, as the ranking reads it: where it stands, its tokens, its breadcrumb. */
export type Passage = Pick<Chunk, 'start' | 'end' | 'tokens' | 'path'>;

/** A passage's words that the question asks about, counted: single words, and pairs of neighbours as "a b". */
interface Counted {
  counts: Map<string, number>;
  length: number;
}

/** The words of a passage's first line count twice: a clause's heading says what it is about. */
const HEADING_CHARS = 120;

/**
 * A passage's counts of the words and pairs in `wanted` (no others: a long
 * statute has thousands of passages), and its length in words. Words are
 * stemmed through `stems`, a cache kept for the ranking of one question.
 */
function countWords(
  folded: ComparableText,
  passage: Passage,
  wanted: ReadonlySet<string>,
  stems: Map<string, string>,
): Counted {
  const from = firstAtOrAfter(folded.origin, passage.start);
  const to = firstAtOrAfter(folded.origin, passage.end);
  const counts = new Map<string, number>();
  const bump = (key: string, by: number) => {
    if (wanted.has(key)) counts.set(key, (counts.get(key) ?? 0) + by);
  };
  let length = 0;
  let previous: string | null = null;
  let chars = 0;
  for (const word of folded.text.slice(from, to).split(' ')) {
    if (word === '') continue;
    let stemmed = stems.get(word);
    if (stemmed === undefined) {
      stemmed = stem(word);
      stems.set(word, stemmed);
    }
    const heading = chars < HEADING_CHARS ? 2 : 1;
    chars += word.length + 1;
    length++;
    bump(stemmed, heading);
    // A pair is put together only when its first word begins a wanted pair.
    if (previous !== null && wanted.has(`${previous} `)) bump(`${previous} ${stemmed}`, heading);
    previous = stemmed;
  }
  return { counts, length };
}

/** The first index of `origin` (ascending) at or after `offset`. */
function firstAtOrAfter(origin: Int32Array, offset: number): number {
  let low = 0;
  let high = origin.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((origin[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

const K1 = 1.2;
const B = 0.75;
/** What a passage's neighbours lend it: a clause next to the answer often carries its conditions. */
const NEIGHBOUR_SHARE = 0.7;

/**
 * Each passage's relevance to the terms (BM25 over the passages of all the
 * question's documents), with a share of its best neighbour's, in order.
 */
export function rankPassages(
  documents: readonly { folded: ComparableText; passages: readonly Passage[] }[],
  terms: readonly SearchTerm[],
): number[][] {
  const keys = terms.map((term) => term.words.join(' '));
  // The words and pairs asked about, and each pair's first word followed by a space.
  const wanted = new Set([
    ...keys,
    ...terms.filter((term) => term.words.length === 2).map((term) => `${term.words[0]} `),
  ]);
  const stems = new Map<string, string>();
  const counted = documents.map((doc) => doc.passages.map((passage) => countWords(doc.folded, passage, wanted, stems)));
  const all = counted.flat();
  const average = all.reduce((sum, passage) => sum + passage.length, 0) / Math.max(1, all.length);
  const idf = keys.map((key) => {
    const holding = all.filter((passage) => passage.counts.has(key)).length;
    return Math.log(1 + (all.length - holding + 0.5) / (holding + 0.5));
  });
  return counted.map((passages) => {
    const own = passages.map((passage) =>
      terms.reduce((score, term, index) => {
        const tf = passage.counts.get(keys[index] as string) ?? 0;
        if (tf === 0) return score;
        const norm = K1 * (1 - B + (B * passage.length) / Math.max(1, average));
        return score + term.weight * (idf[index] as number) * ((tf * (K1 + 1)) / (tf + norm));
      }, 0),
    );
    return own.map((score, index) => score + NEIGHBOUR_SHARE * Math.max(own[index - 1] ?? 0, own[index + 1] ?? 0));
  });
}

/** A passage chosen, with what it costs in the request. */
export interface Chosen {
  document: number;
  passage: number;
}

/**
 * The passages to send, within `budget` tokens (each passage's tokens and
 * `framing` for it): every document's opening first (its title, parties and
 * date), then the best ranked, while they fit; a passage that scores nothing
 * is not sent. Returned in document order.
 */
export function choosePassages(
  documents: readonly { passages: readonly Passage[] }[],
  scores: readonly (readonly number[])[],
  budget: number,
  framing: (passage: Passage) => number,
): Chosen[] {
  const chosen: Chosen[] = [];
  const taken = documents.map((doc) => new Uint8Array(doc.passages.length));
  let left = budget;
  const take = (document: number, passage: number) => {
    const held = documents[document]?.passages[passage];
    const row = taken[document] as Uint8Array;
    if (!held || row[passage]) return;
    // A passage next to one already chosen joins its excerpt: no framing of its own.
    const joins = row[passage - 1] === 1 || row[passage + 1] === 1;
    const cost = held.tokens + (joins ? 0 : framing(held));
    if (cost > left) return;
    chosen.push({ document, passage });
    row[passage] = 1;
    left -= cost;
  };
  documents.forEach((doc, document) => {
    if (doc.passages.length > 0) take(document, 0);
  });
  const ranked = scores
    .flatMap((row, document) => row.map((score, passage) => ({ document, passage, score })))
    .filter((entry) => entry.score > 0 && entry.passage > 0)
    .sort((a, b) => b.score - a.score || a.document - b.document || a.passage - b.passage);
  for (const entry of ranked) {
    if (left <= 0) break;
    take(entry.document, entry.passage);
  }
  return chosen.sort((a, b) => a.document - b.document || a.passage - b.passage);
}

/** A clause-sized passage: small enough to leave out what does not matter, large enough to read on its own. */
export const PASSAGE_TOKENS = 150;

/** A document as the focused plan reads it: its chunker's source, its clauses, its folded text. */
export interface FocusSource {
  source: ChunkSource;
  outline: OutlineNode;
  folded: ComparableText;
}

/**
 * The excerpts of each document to send for the question within `budget`
 * tokens, each passage charged its tokens and its framing as if sent alone:
 * neighbouring passages joined, each excerpt with its pages, tokens and
 * breadcrumb, in order.
 */
export function focusedExcerpts(
  documents: readonly FocusSource[],
  question: string,
  budget: number,
  framing: (path: readonly string[]) => number,
): Chunk[][] {
  const passages = documents.map((doc) => chunkDocument(doc.source, PASSAGE_TOKENS, doc.outline));
  const scores = rankPassages(
    documents.map((doc, index) => ({ folded: doc.folded, passages: passages[index] ?? [] })),
    searchTerms(question),
  );
  const chosen = choosePassages(
    passages.map((list) => ({ passages: list })),
    scores,
    budget,
    (passage) => framing(passage.path),
  );
  return documents.map((doc, document) => {
    const spans: { start: number; end: number }[] = [];
    for (const pick of chosen.filter((entry) => entry.document === document)) {
      const passage = passages[document]?.[pick.passage] as Chunk;
      const last = spans.at(-1);
      if (last && last.end === passage.start) last.end = passage.end;
      else spans.push({ start: passage.start, end: passage.end });
    }
    const tokensOf = spanTokenCounter(doc.source);
    return spans.map((span, index) => ({
      index,
      start: span.start,
      end: span.end,
      pages: doc.source.paged ? pagesOf(doc.source, span.start, span.end) : [],
      tokens: tokensOf(span.start, span.end),
      path: pathAt(doc.outline, span.start),
    }));
  });
}
