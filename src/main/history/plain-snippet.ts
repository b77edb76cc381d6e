/**
 * A search hit's snippet of an answer, as text: an answer is Markdown, and a
 * snippet is a window onto it, so a table's `| --- |` or a heading's `##`
 * would show as they are written. Table cells become "a · b", emphasis, code
 * and link marks go, and citations (`[tr. 3, Điều 8]`, not links) stay.
 */
export function plainSnippet(snippet: string): string {
  return (
    snippet
      // A table row's edges, then its separator row (what the snippet's window kept of either).
      .replace(/^[ \t]*\|/gm, '')
      .replace(/\|[ \t]*$/gm, '')
      .replace(/^[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*$/gm, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])[ \t]+/gm, '')
      .replace(/\*{1,3}|_{2,3}|`+|~~/g, '')
      .replace(/[ \t]*\|[ \t]*/g, ' · ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
