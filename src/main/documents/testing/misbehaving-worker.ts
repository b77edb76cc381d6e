// A stand-in extraction worker for testing the pool's watchdog: it hangs in
// synchronous code (as pdf.js can on a hostile file) or dies, on request.
import { parentPort } from 'node:worker_threads';
import type { ExtractReply, ExtractRequest } from '../extraction-protocol';

parentPort?.on('message', (request: ExtractRequest) => {
  if (!('name' in request)) return;
  if (request.name.startsWith('hang')) for (;;) {}
  if (request.name.startsWith('die')) process.exit(3);
  const reply: ExtractReply = {
    id: request.id,
    type: 'done',
    extraction: {
      kind: 'text',
      pages: null,
      pageTexts: [{ page: 1, start: 0, text: 'ok' }],
      runningLines: [],
      chars: 2,
      language: 'en',
      tokens: { o200k_base: 1, cl100k_base: 1 },
      pagesWithoutText: [],
      warnings: [],
    },
  };
  parentPort?.postMessage(reply);
});
