import { PAGE_SEPARATOR } from '../../shared/page-map';

/**
 * Turning the raw lines of each page into the text LexDesk keeps and sends:
 * NFC, lines broken inside a sentence joined, running headers and footers
 * recognised and left out.
 */

// Lines that end like this close a sentence, a clause heading or a list item.
const CLOSES_LINE = /[.!?:;…)\]»"”'’]$/u;
// A next line that starts in lower case continues the sentence above it.
const CONTINUES = /^[\p{Ll}]/u;

/** Joins lines broken inside a sentence; keeps line breaks that end one. */
export function joinBrokenLines(lines: readonly string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+/gu, ' ').trim();
    const previous = out.at(-1);
    if (line === '') {
      if (previous !== undefined && previous !== '') out.push('');
      continue;
    }
    if (previous && !CLOSES_LINE.test(previous) && CONTINUES.test(line)) {
      // A hyphen at the break stays: "non-" + "compete" is "non-compete", and Vietnamese does not hyphenate.
      out[out.length - 1] = previous.endsWith('-') ? previous + line : `${previous} ${line}`;
    } else {
      out.push(line);
    }
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n');
}

/** A line with its numbers blanked, so "Page 12" and "Page 13" are the same running footer. */
function runningLineKey(line: string): string {
  return line.replace(/\s+/gu, ' ').trim().replace(/\d+/gu, '#');
}

// Headers and footers sit in the first or last few lines of a page; on a short page, fewer.
const EDGE_LINES = 3;

function edgeLines(lines: readonly string[]): string[] {
  const content = lines.filter((line) => line.trim() !== '');
  const edge = Math.max(1, Math.min(EDGE_LINES, Math.floor(content.length / 3)));
  return content.length <= edge * 2 ? content : [...content.slice(0, edge), ...content.slice(-edge)];
}

/**
 * Lines that recur at the top or bottom of most pages, as keys with their
 * numbers blanked, each with the first line seen. Needs three pages at least:
 * on fewer, a repeated line is as likely to be content.
 */
export function findRunningLines(pages: readonly (readonly string[])[]): Map<string, string> {
  const withText = pages.filter((lines) => lines.some((line) => line.trim() !== ''));
  const found = new Map<string, string>();
  if (withText.length < 3) return found;
  const seen = new Map<string, { count: number; example: string }>();
  for (const lines of withText) {
    const keys = new Map(edgeLines(lines).map((line) => [runningLineKey(line), line.trim()]));
    for (const [key, line] of keys) {
      const entry = seen.get(key);
      if (entry) entry.count++;
      else seen.set(key, { count: 1, example: line });
    }
  }
  const threshold = Math.max(3, Math.ceil(withText.length * 0.5));
  for (const [key, { count, example }] of seen) {
    if (count >= threshold && /\p{L}|#/u.test(key)) found.set(key, example);
  }
  return found;
}

/** A page's lines without the running header and footer lines. */
export function withoutRunningLines(lines: readonly string[], running: ReadonlyMap<string, string>): string[] {
  if (running.size === 0) return [...lines];
  const edges = new Set(edgeLines(lines));
  return lines.filter((line) => !(edges.has(line) && running.has(runningLineKey(line))));
}

/** NFC, then the rest: some real Vietnamese files mix composed and decomposed accents. */
export function normalizeLines(lines: readonly string[]): string[] {
  return lines.map((line) => line.normalize('NFC').replace(/\u00a0/gu, ' '));
}

export interface PagedText {
  pages: { page: number; start: number; text: string }[];
  /** One example of each running line left out ("Page 1"), to show the user. */
  runningLines: string[];
  text: string;
}

export function buildPagedText(rawPages: readonly (readonly string[])[]): PagedText {
  const normalized = rawPages.map(normalizeLines);
  const running = findRunningLines(normalized);
  const pages: PagedText['pages'] = [];
  let start = 0;
  normalized.forEach((lines, index) => {
    const text = joinBrokenLines(withoutRunningLines(lines, running));
    pages.push({ page: index + 1, start, text });
    start += text.length + PAGE_SEPARATOR.length;
  });
  return { pages, runningLines: [...running.values()], text: pages.map((page) => page.text).join(PAGE_SEPARATOR) };
}
