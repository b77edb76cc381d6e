import type { Root } from 'hast';
import type { ParseReply, ParseRequest } from '../../shared/markdown/block-parser';
import { markdownToTree } from './parse-markdown';

// The Markdown parser's own thread: a block that parses slowly delays only its own rendering.
self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, text } = event.data;
  let reply: ParseReply<Root>;
  try {
    reply = { id, tree: markdownToTree(text) };
  } catch {
    // Too deep for the parser's own recursion, say: plain text too.
    reply = { id, tree: null };
  }
  self.postMessage(reply);
};
