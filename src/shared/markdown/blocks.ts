/**
 * An answer cut into Markdown blocks, each parsed and rendered on its own, so
 * that a streaming answer re-parses only its last block and no block is big
 * enough for the parser's slow cases (micromark is super-linear on runs of
 * emphasis marks, nested list markers and pipes) to cost much.
 *
 * A block ends at a blank line outside a code fence, unless the next line is
 * indented (a list item's next paragraph); short neighbours are joined up to
 * `mergeChars`, so a run of one-word paragraphs is not a million blocks. A
 * block longer than `maxChars` is
 * cut at line ends, or inside a line that is itself too long; a cut table
 * repeats its header rows and a cut code fence its opening line, so each piece
 * still reads as what it was.
 */

/** Keeps one block's parse in the worker to a few milliseconds of ordinary text, and its layout well inside a frame's budget. */
export const MAX_BLOCK_CHARS = 4_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Paragraphs are joined into blocks of about this size: a block's element count stays low, and so does their number. */
export const MERGE_BLOCK_CHARS = 1_000;

export interface BlockSizes {
  maxChars?: number;
  mergeChars?: number;
}

export function splitBlocks(text: string, sizes: BlockSizes = {}): string[] {
  const maxChars = sizes.maxChars ?? MAX_BLOCK_CHARS;
  const mergeChars = sizes.mergeChars ?? MERGE_BLOCK_CHARS;
  const blocks: string[] = [];
  let pending = '';
  for (const block of paragraphs(text)) {
    if (pending !== '' && pending.length + 2 + block.length <= mergeChars) {
      pending = `${pending}\n\n${block}`;
      continue;
    }
    if (pending !== '') blocks.push(pending);
    pending = '';
    if (block.length > maxChars) blocks.push(...cutLongBlock(block, maxChars));
    else pending = block;
  }
  if (pending !== '') blocks.push(pending);
  return blocks;
}

function paragraphs(text: string): string[] {
  const lines = text.split('\n');
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  // The next non-blank line after a blank one, found once for a run of blank lines (a scan per blank is quadratic).
  let nextFilled = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const marker = FENCE.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
    }
    const blank = line.trim() === '';
    if (blank && fence === null) {
      if (nextFilled <= i) {
        nextFilled = i + 1;
        while (nextFilled < lines.length && (lines[nextFilled] as string).trim() === '') nextFilled++;
      }
      const next = lines[nextFilled];
      // An indented line after the blank one continues the list item above it.
      if (current.length > 0 && !(next !== undefined && /^\s/.test(next))) {
        blocks.push(current.join('\n'));
        current = [];
      } else if (current.length > 0) current.push(line);
      continue;
    }
    current.push(line);
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}

function cutLongBlock(block: string, maxChars: number): string[] {
  const lines = block.split('\n');
  const prefix = repeatedHead(lines);
  const room = Math.max(maxChars - prefix.length, Math.floor(maxChars / 2));
  const pieces: string[] = [];
  let current = '';
  const push = () => {
    if (current === '') return;
    pieces.push(pieces.length === 0 || prefix === '' ? current : `${prefix}${current}`);
    current = '';
  };
  for (const line of lines) {
    if (line.length > room) {
      push();
      for (let start = 0; start < line.length; ) {
        let end = Math.min(start + room, line.length);
        // Never between the two halves of a surrogate pair (an emoji, a rare Han character).
        if (end < line.length && /[\uDC00-\uDFFF]/.test(line[end] as string)) end--;
        current = line.slice(start, end);
        push();
        start = end;
      }
      continue;
    }
    if (current !== '' && current.length + 1 + line.length > room) push();
    current = current === '' ? line : `${current}\n${line}`;
  }
  push();
  return pieces;
}

/** What a piece after the first repeats so it keeps its kind: a table's header and delimiter rows, a fence's opening. */
function repeatedHead(lines: string[]): string {
  const [first, second] = lines;
  if (first === undefined) return '';
  if (second !== undefined && first.includes('|') && TABLE_DELIMITER.test(second)) return `${first}\n${second}\n`;
  if (FENCE.test(first)) return `${first}\n`;
  return '';
}
