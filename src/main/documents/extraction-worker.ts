// An extraction worker thread: pdf.js, mammoth and the tokenizer run here,
// never on main's event loop. One request at a time; main restarts the worker
// if a request stalls.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { countTokensWith } from '../tokens/token-count';
import { type ExtractProgress, finishExtraction, readPages } from './extract';
import type { ExtractReply, ExtractRequest, WarmUpRequest } from './extraction-protocol';
import { loadPdfJs } from './pdf-text';

const port = parentPort;
if (!port) throw new Error('extraction-worker must run in a worker thread');

port.on('message', (request: ExtractRequest | WarmUpRequest) => {
  if ('warmUp' in request) {
    // What the first file would otherwise wait for: pdf.js, and the tables of the tokenizers this worker counts with.
    void loadPdfJs().then(() => {
      for (const encoding of request.encodings) countTokensWith(encoding, '');
    });
    return;
  }
  const reply = (message: ExtractReply) => port.postMessage(message);
  const progress = (p: ExtractProgress) => reply({ id: request.id, type: 'progress', progress: p });
  answer(request, progress).then(reply, (error: unknown) => {
    const coded =
      error instanceof AppError
        ? { code: error.code, details: error.details }
        : { code: 'PDF_CORRUPT' as const, details: { name: request.name, reason: String(error) } };
    reply({ id: request.id, type: 'error', error: coded });
  });
});

async function answer(request: ExtractRequest, progress: (p: ExtractProgress) => void): Promise<ExtractReply> {
  if (request.type === 'read') {
    const raw = await readPages(request.bytes, request.name, request.password, progress, request.shard);
    return { id: request.id, type: 'pages', raw };
  }
  if (request.type === 'finish') {
    progress({ stage: 'counting' });
    return { id: request.id, type: 'done', extraction: finishExtraction(request.raw, request.name, request.encodings) };
  }
  const raw = await readPages(request.bytes, request.name, request.password, progress);
  progress({ stage: 'counting' });
  return { id: request.id, type: 'done', extraction: finishExtraction(raw, request.name) };
}
