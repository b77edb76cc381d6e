import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START } from '../../shared/history';
import { plainSnippet } from './plain-snippet';

describe('an answer snippet as text', () => {
  it('takes the Markdown marks off a table, a heading, emphasis and a link, and keeps citations and hits', () => {
    const hit = `${HIT_START}phạt${HIT_END}`;
    const snippet = [
      '## Mức phạt',
      '',
      '| Điều | Nội dung |',
      '| --- | --- |',
      `| Điều 8 | **${hit} 8%** giá trị [tr. 3, Điều 8] |`,
      '- xem [Luật Thương mại](https://example.vn/ltm) và `Điều 301`',
    ].join('\n');
    expect(plainSnippet(snippet)).toBe(
      `Mức phạt Điều · Nội dung Điều 8 · ${hit} 8% giá trị [tr. 3, Điều 8] xem Luật Thương mại và Điều 301`,
    );
  });

  it('leaves plain prose as it was, spaces folded', () => {
    expect(plainSnippet('…bên vi phạm  phải\nchịu phạt…')).toBe('…bên vi phạm phải chịu phạt…');
  });
});
