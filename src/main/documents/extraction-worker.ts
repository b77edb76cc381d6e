// The extraction worker thread: pdf.js, mammoth and the tokenizer run here,
// never on main's event loop. One request at a time; main restarts the worker
// if a request stalls.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { countTokens } from '../tokens/token-count';
import { extractDocument } from './extract';
import type { ExtractReply, ExtractRequest, WarmUpRequest } from './extraction-protocol';
import { loadPdfJs } from './pdf-text';

const port = parentPort;
if (!port) throw new Error('extraction-worker must run in a worker thread');

port.on('message', (request: ExtractRequest | WarmUpRequest) => {
  if ('warmUp' in request) {
    // What the first file would otherwise wait for: pdf.js, and both tokenizers' tables.
    void loadPdfJs().then(() => countTokens(''));
    return;
  }
  const reply = (message: ExtractReply) => port.postMessage(message);
  extractDocument(request.bytes, request.name, request.password, (progress) =>
    reply({ id: request.id, type: 'progress', progress }),
  ).then(
    (extraction) => reply({ id: request.id, type: 'done', extraction }),
    (error: unknown) => {
      const coded =
        error instanceof AppError
          ? { code: error.code, details: error.details }
          : { code: 'PDF_CORRUPT' as const, details: { name: request.name, reason: String(error) } };
      reply({ id: request.id, type: 'error', error: coded });
    },
  );
});
