/**
 * How deep an answer's Markdown may nest before it is flattened to text, for
 * the window's HTML trees and the Word export's Markdown trees alike.
 */

/** Deeper than any real outline (Điều › khoản › điểm › tiết is four); a run of `1. 1. 1.` nests thousands deep. */
export const MAX_NESTING = 24;

/** A node of either tree, as far as its text goes. */
export interface TextNode {
  type: string;
  value?: unknown;
  children?: readonly TextNode[];
}

/** The text under a node, comments aside; iterative, since the subtree being flattened is the deep one. */
export function textOf(node: TextNode): string {
  let text = '';
  const stack: TextNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop() as TextNode;
    if (typeof next.value === 'string' && next.type !== 'comment') text += next.value;
    const children = next.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as TextNode);
  }
  return text;
}
