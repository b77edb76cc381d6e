import type { Encoding } from '../../shared/documents';
import type { AppErrorData } from '../../shared/errors';
import type { CountedExtraction, ExtractProgress, RawPages, Shard } from './extract';

/** Sent once the app's window is up, so the first dropped file does not wait for pdf.js and the tokenizers. */
export interface WarmUpRequest {
  warmUp: true;
  /** The encodings this worker counts when it finishes a shared PDF. */
  encodings: Encoding[];
}

interface FileRequest {
  id: number;
  bytes: Uint8Array;
  name: string;
  password: string | undefined;
}

/**
 * Messages from main to an extraction worker: a whole file in one worker;
 * or, for a long PDF, a shard of its pages in each worker, then the pages
 * of all shards to finish (paged text and the counts of some encodings).
 */
export type ExtractRequest =
  | (FileRequest & { type: 'extract' })
  | (FileRequest & { type: 'read'; shard: Shard })
  | { id: number; type: 'finish'; name: string; raw: RawPages; encodings: Encoding[] };

export type ExtractReply =
  | { id: number; type: 'progress'; progress: ExtractProgress }
  | { id: number; type: 'pages'; raw: RawPages }
  | { id: number; type: 'done'; extraction: CountedExtraction }
  | { id: number; type: 'error'; error: Pick<AppErrorData, 'code' | 'details'> };
