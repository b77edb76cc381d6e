// A stand-in extraction worker for testing the pool's watchdog: it hangs in
// synchronous code (as pdf.js can on a hostile file), dies, or runs out of memory, on request.
import { parentPort } from 'node:worker_threads';
import type { ExtractReply, ExtractRequest } from '../extraction-protocol';

parentPort?.on('message', (request: ExtractRequest) => {
  if (!('name' in request)) return;
  if (request.name.startsWith('hang')) for (;;) {}
  if (request.name.startsWith('die')) process.exit(3);
  if (request.name.startsWith('oom')) {
    // Grows its heap until the worker's resourceLimits stop it, as a hostile file can make pdf.js or mammoth do.
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 10_000 }, (_, i) => `${i}-${hoard.length}`));
  }
  const reply: ExtractReply = {
    id: request.id,
    type: 'done',
    extraction: {
      kind: 'text',
      pages: null,
      pageTexts: [{ page: 1, start: 0, text: 'ok', tokens: { o200k_base: 1, cl100k_base: 1 } }],
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
