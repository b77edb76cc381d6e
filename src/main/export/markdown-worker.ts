// A worker thread that parses an answer's Markdown blocks for the Word export:
// the parser's slow cases (runs of `1. `, `>`, emphasis marks) cost this
// thread, never main's event loop. One block at a time.
import { parentPort } from 'node:worker_threads';
import type { ParseRequest } from '../../shared/markdown/block-parser';
import { markdownTreeOf } from './markdown-tree';

const port = parentPort;
if (!port) throw new Error('markdown-worker must run in a worker thread');

port.on('message', (request: ParseRequest) => {
  markdownTreeOf(request.text).then(
    (tree) => port.postMessage({ id: request.id, tree }),
    // Too deep for the parser's own recursion, say: the block goes to Word as plain text.
    () => port.postMessage({ id: request.id, tree: null }),
  );
});
