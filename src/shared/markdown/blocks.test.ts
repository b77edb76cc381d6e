import { describe, expect, it } from 'vitest';
import { splitBlocks } from './blocks';

describe('splitBlocks', () => {
  it('cuts at blank lines, but not inside a code fence or before a list item’s next paragraph', () => {
    const text = [
      '## Thanh toán',
      '',
      '- Phí **€20,000** mỗi tháng',
      '',
      '  Trả trong 30 ngày.',
      '',
      '```',
      'a',
      '',
      'b',
      '```',
      '',
      'Hết.',
    ].join('\n');
    expect(splitBlocks(text, { mergeChars: 0 })).toEqual([
      '## Thanh toán',
      '- Phí **€20,000** mỗi tháng\n\n  Trả trong 30 ngày.',
      '```\na\n\nb\n```',
      'Hết.',
    ]);
  });

  it('keeps every character of the answer but the blank lines between blocks', () => {
    const text = 'Điều 1.\n\n\n\nĐiều 2.\nkhoản 1\n\nĐiều 3.';
    expect(splitBlocks(text, { mergeChars: 0 }).join('\n\n')).toBe('Điều 1.\n\nĐiều 2.\nkhoản 1\n\nĐiều 3.');
  });

  it('cuts a long table at row ends and repeats its header rows in each piece', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `| Điều ${i} | ${'x'.repeat(20)} |`);
    const text = ['| Điều | Nội dung |', '|---|---|', ...rows].join('\n');
    const pieces = splitBlocks(text, { maxChars: 500 });
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(500);
      expect(piece.startsWith('| Điều | Nội dung |\n|---|---|\n')).toBe(true);
    }
    const body = pieces.flatMap((piece) => piece.split('\n').slice(2));
    expect(body).toEqual(rows);
  });

  it('cuts a line no block could hold into pieces, none of them splitting a surrogate pair', () => {
    const run = `${'a'.repeat(99)}${'😀'.repeat(200)}`;
    const pieces = splitBlocks(run, { maxChars: 100 });
    expect(pieces.join('')).toBe(run);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(100);
      expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });

  it('joins short paragraphs into blocks of about a thousand characters, keeping the blank lines between them', () => {
    const text = 'Điều 1.\n\n'.repeat(100_000);
    const blocks = splitBlocks(text);
    expect(blocks.length).toBeLessThan(1_000);
    expect(blocks.join('\n\n')).toBe(text.trimEnd());
    for (const block of blocks) expect(block.length).toBeLessThanOrEqual(1_000);
  });

  it('splits a million unbroken characters, or a million blank lines, in linear time', () => {
    expect(splitBlocks('a'.repeat(1_000_000))).toHaveLength(250);
    expect(splitBlocks(`a${'\n'.repeat(1_000_000)}b`)).toEqual(['a\n\nb']);
  });
});
