import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { findCitations } from '../../shared/citations';
import { MAX_NESTING, textOf } from '../../shared/markdown/nesting';

/**
 * One block of a model's answer as an HTML tree ready to render, built in the
 * Markdown worker (never on the renderer's main thread: the parser has slow
 * cases no length limit fully rules out).
 *
 * What a model writes is untrusted (a contract can carry a prompt injection):
 * raw HTML is dropped (mdast-util-to-hast leaves it out unless told otherwise),
 * a link keeps only an http(s) or mailto address, an image becomes its alt
 * text (loading it would tell a remote host the answer was read), and nesting
 * deeper than a reader can follow is flattened to its text. A block that would
 * make more elements than a reader could use (50,000 `*a` make 25,000 <em>s)
 * is left as plain text: React and layout would take seconds over it.
 */

/**
 * A dense 4,000-character block (a 50-row table with bold cells) makes about
 * 300; 1,000 inline elements took 85-300 ms of layout on a 2-core machine.
 */
export const MAX_ELEMENTS = 500;

const SAFE_PROTOCOL = /^(https?|mailto):$/i;

/** The block's tree, or null when it is to be shown as plain text. */
export function markdownToTree(text: string): Root | null {
  const mdast = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const tree = toHast(mdast) as Root;
  const count = { elements: 0 };
  const children = tree.children.flatMap((child) => clean(child, 0, count, true));
  return count.elements > MAX_ELEMENTS ? null : { type: 'root', children };
}

// Text inside these is the model's code or a link's label: a citation there stays text.
const NO_CITATIONS = new Set(['a', 'code', 'pre']);

function clean(node: RootContent, depth: number, count: { elements: number }, cites: boolean): RootContent[] {
  if (node.type === 'text') return cites ? withCitations(node.value, count) : [{ type: 'text', value: node.value }];
  if (node.type !== 'element') return [];
  count.elements++;
  if (node.tagName === 'img') return [{ type: 'text', value: String(node.properties.alt ?? '') }];
  if (depth >= MAX_NESTING) return [{ type: 'text', value: textOf(node) }];
  const properties = { ...node.properties };
  if (node.tagName === 'a') properties.href = safeHref(properties.href);
  const element: Element = {
    type: 'element',
    tagName: node.tagName,
    properties,
    children: node.children.flatMap((child) =>
      clean(child, depth + 1, count, cites && !NO_CITATIONS.has(node.tagName)),
    ) as ElementContent[],
  };
  // A wide table scrolls in its own box instead of widening the answer.
  if (node.tagName === 'table') {
    return [{ type: 'element', tagName: 'div', properties: { className: ['answer__table'] }, children: [element] }];
  }
  return [element];
}

/**
 * A text with each citation (`[tr. 12, Điều 8]`) made a button that carries
 * what it cites; the window opens the page beside the answer when it is
 * clicked (AnswerText). Only data goes in: the page, the clause and the
 * document's index or name as the model wrote them, read back as text.
 */
function withCitations(value: string, count: { elements: number }): RootContent[] {
  const citations = findCitations(value);
  if (citations.length === 0) return [{ type: 'text', value }];
  const out: RootContent[] = [];
  let from = 0;
  for (const citation of citations) {
    if (citation.start > from) out.push({ type: 'text', value: value.slice(from, citation.start) });
    count.elements++;
    out.push({
      type: 'element',
      tagName: 'button',
      properties: {
        type: 'button',
        className: ['citation'],
        dataPage: citation.page === null ? undefined : String(citation.page),
        dataClause: citation.clause ?? undefined,
        dataDocument: citation.document ?? undefined,
        dataDocumentIndex: citation.documentIndex === null ? undefined : String(citation.documentIndex),
      },
      children: [{ type: 'text', value: value.slice(citation.start, citation.end) }],
    });
    from = citation.end;
  }
  if (from < value.length) out.push({ type: 'text', value: value.slice(from) });
  return out;
}

/** A link's address if it is one LexDesk may offer to open, or nothing (the link stays as text). */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(href)?.[1];
  if (scheme === undefined) return href.startsWith('#') ? href : undefined;
  return SAFE_PROTOCOL.test(scheme) ? href : undefined;
}
