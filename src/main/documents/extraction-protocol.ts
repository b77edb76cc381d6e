import type { AppErrorData } from '../../shared/errors';
import type { Extraction, ExtractProgress } from './extract';

/** Sent once the app's window is up, so the first dropped file does not wait for pdf.js to load. */
export interface WarmUpRequest {
  warmUp: true;
}

/** Messages between main and the extraction worker. */
export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  name: string;
  password: string | undefined;
}

export type ExtractReply =
  | { id: number; type: 'progress'; progress: ExtractProgress }
  | { id: number; type: 'done'; extraction: Extraction }
  | { id: number; type: 'error'; error: Pick<AppErrorData, 'code' | 'details'> };
