import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../shared/markdown/nesting';
import { MAX_ELEMENTS, markdownToTree as parse, safeHref } from './parse-markdown';

function markdownToTree(text: string): Root {
  const tree = parse(text);
  if (!tree) throw new Error('left as plain text');
  return tree;
}

const elements = (tree: Root): Element[] => {
  const found: Element[] = [];
  const walk = (node: RootContent) => {
    if (node.type !== 'element') return;
    found.push(node);
    node.children.forEach(walk);
  };
  tree.children.forEach(walk);
  return found;
};

const depth = (node: Root | RootContent): number =>
  'children' in node ? 1 + Math.max(0, ...node.children.map(depth)) : 0;

describe('markdownToTree', () => {
  it('renders the Markdown a model writes: headings, emphasis, lists, GFM tables', () => {
    const tree = markdownToTree('## Chấm dứt\n\n- Báo trước **30 ngày**\n\n| Điều | Phạt |\n|---|---|\n| 8 | 8% |');
    const tags = elements(tree).map((e) => e.tagName);
    expect(tags).toEqual(expect.arrayContaining(['h2', 'ul', 'li', 'strong', 'div', 'table', 'td']));
    expect(elements(tree).find((e) => e.tagName === 'div')?.properties.className).toEqual(['answer__table']);
  });

  it('drops raw HTML, keeps images as their alt text, and keeps only http(s) and mailto links', () => {
    const tree = markdownToTree(
      '<img src=x onerror="alert(1)"> <script>alert(1)</script>\n\n![Bên A ký](https://tracker.example/p.png) [mở](javascript:alert(1)) [trang](https://example.com/a) [thư](mailto:a@b.vn)',
    );
    const tags = elements(tree).map((e) => e.tagName);
    expect(tags).not.toContain('img');
    expect(tags).not.toContain('script');
    expect(JSON.stringify(tree)).toContain('Bên A ký');
    expect(JSON.stringify(tree)).not.toContain('tracker.example');
    expect(JSON.stringify(tree)).not.toContain('onerror');
    const hrefs = elements(tree)
      .filter((e) => e.tagName === 'a')
      .map((e) => e.properties.href);
    expect(hrefs).toEqual([undefined, 'https://example.com/a', 'mailto:a@b.vn']);
  });

  it('flattens nesting deeper than any outline to its text, and carries no source positions', () => {
    const tree = markdownToTree('1. '.repeat(300));
    expect(depth(tree)).toBeLessThanOrEqual(MAX_NESTING + 2);
    expect(JSON.stringify(tree)).not.toContain('position');
  });

  it('leaves a block that would make more elements than anyone reads as plain text', () => {
    expect(parse('*a'.repeat(2 * MAX_ELEMENTS + 10))).toBeNull();
    expect(parse('*a'.repeat(MAX_ELEMENTS))).not.toBeNull();
  });
});

describe('safeHref', () => {
  it('refuses every scheme but http(s) and mailto, and relative addresses', () => {
    expect(safeHref('HTTPS://example.com')).toBe('HTTPS://example.com');
    expect(safeHref('#fn-1')).toBe('#fn-1');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://lexdesk/index.html',
      'data:text/html,x',
      'x.html',
      5,
    ]) {
      expect(safeHref(bad)).toBeUndefined();
    }
  });
});

describe('citations in an answer', () => {
  it('become buttons carrying the page, the clause and the document, outside code and links', () => {
    const tree = markdownToTree(
      'Phạt **8%** [tr. 12, Điều 8] và [Hợp đồng A, p. 3, Điều 5, khoản 2]. `[tr. 1, Điều 1]` [xem [tr. 2]](https://example.com)',
    );
    const buttons = elements(tree).filter((e) => e.tagName === 'button');
    expect(buttons.map((b) => b.properties)).toEqual([
      { type: 'button', className: ['citation'], dataPage: '12', dataClause: 'Điều 8', dataDocument: undefined },
      {
        type: 'button',
        className: ['citation'],
        dataPage: '3',
        dataClause: 'Điều 5, khoản 2',
        dataDocument: 'Hợp đồng A',
      },
    ]);
    expect(buttons.map((b) => (b.children[0] as { value: string }).value)).toEqual([
      '[tr. 12, Điều 8]',
      '[Hợp đồng A, p. 3, Điều 5, khoản 2]',
    ]);
    expect(JSON.stringify(tree)).toContain('Phạt ');
  });
});
