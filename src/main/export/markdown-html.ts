import type { MdNode } from './markdown-tree';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

const INLINE: Record<string, string> = { strong: 'strong', emphasis: 'em', delete: 's' };

function inline(nodes: readonly MdNode[] = []): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escapeHtml(node.value ?? '');
      if (node.type === 'inlineCode') return `<code>${escapeHtml(node.value ?? '')}</code>`;
      if (node.type === 'break') return '<br>';
      // Raw HTML a model wrote is text, never markup, here as in the window.
      if (node.type === 'html') return escapeHtml(node.value ?? '');
      const tag = INLINE[node.type];
      return tag ? `<${tag}>${inline(node.children)}</${tag}>` : inline(node.children);
    })
    .join('');
}

/**
 * An answer's Markdown tree as the HTML a word processor pastes: headings,
 * lists, tables, quotes and code, every text escaped. Links keep their text
 * only (the tree the export parses holds no addresses), so nothing pasted
 * points anywhere the lawyer did not see.
 */
export function markdownToHtml(nodes: readonly MdNode[] = []): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'root':
          return markdownToHtml(node.children);
        case 'heading': {
          const level = Math.min(Math.max(node.depth ?? 1, 1), 6);
          return `<h${level}>${inline(node.children)}</h${level}>`;
        }
        case 'paragraph':
          return `<p>${inline(node.children)}</p>`;
        case 'list': {
          const tag = node.ordered ? 'ol' : 'ul';
          return `<${tag}>${(node.children ?? []).map((item) => `<li>${listItem(item)}</li>`).join('')}</${tag}>`;
        }
        case 'blockquote':
          return `<blockquote>${markdownToHtml(node.children)}</blockquote>`;
        case 'code':
          return `<pre><code>${escapeHtml(node.value ?? '')}</code></pre>`;
        case 'thematicBreak':
          return '<hr>';
        case 'html':
          return `<p>${escapeHtml(node.value ?? '')}</p>`;
        case 'table':
          return `<table>${(node.children ?? [])
            .map((row, index) => {
              const cell = index === 0 ? 'th' : 'td';
              return `<tr>${(row.children ?? []).map((c) => `<${cell}>${inline(c.children)}</${cell}>`).join('')}</tr>`;
            })
            .join('')}</table>`;
        default:
          return node.children ? markdownToHtml(node.children) : inline([node]);
      }
    })
    .join('');
}

/** A tight list item's paragraph is its text; anything after it (a nested list) follows as blocks. */
function listItem(item: MdNode): string {
  const [first, ...rest] = item.children ?? [];
  if (!first) return '';
  const head = first.type === 'paragraph' ? inline(first.children) : markdownToHtml([first]);
  return head + markdownToHtml(rest);
}
