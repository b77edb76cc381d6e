import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocumentDetail, DocumentSummary, HandedOver, IngestInput, IngestStage } from '../../shared/documents';
import { AppError } from '../../shared/errors';
import type { Caller, Emit } from '../../shared/events';
import type { Clock } from '../clock';
import type { Db } from '../store/database';
import { createDocumentRows } from './document-rows';
import type { Extractor } from './extraction-pool';
import type { FileStore } from './file-store';
import { DOCUMENT_LIMITS } from './limits';

export type IngestResult = DocumentSummary & { alreadyStored: boolean };

export interface DocumentsService {
  /** Registers a file the user handed over (dropped or picked); ingest then takes it by the token returned. */
  handOver(path: string): HandedOver;
  /** Reads, extracts, counts and stores a file; the same bytes again return the stored document at once. */
  ingest(input: IngestInput, caller?: Caller): Promise<IngestResult>;
  list(): DocumentSummary[];
  /** One document as the list shows it; DOCUMENT_NOT_FOUND for a hash it does not hold. */
  summary(sha256: string): DocumentSummary;
  get(sha256: string): DocumentDetail;
  /** Gets the extraction worker ready before the first drop. */
  warmUp(): void;
  /** The original bytes, from the copy LexDesk keeps. */
  file(sha256: string): Uint8Array<ArrayBuffer>;
}

export interface DocumentsDependencies {
  db: Db;
  files: FileStore;
  extractor: Extractor;
  clock: Clock;
  /** Reading's progress goes to the window reading the file. */
  emit?: Emit;
}

const MB = 1024 * 1024;

export function createDocumentsService({ db, files, extractor, clock, emit }: DocumentsDependencies): DocumentsService {
  const rows = createDocumentRows(db);
  /** The paths of the files handed over in this run, by the token the window was given. */
  const handedOver = new Map<string, string>();

  function handOver(path: string): HandedOver {
    const name = basename(path);
    try {
      if (!statSync(path).isFile()) throw new Error('not a regular file');
    } catch {
      throw new AppError('FILE_NOT_FOUND', { name });
    }
    // A long session drops many files; the oldest tokens go first, a re-drop gives a new one.
    if (handedOver.size >= MAX_HANDED_OVER) handedOver.delete(handedOver.keys().next().value ?? '');
    const fileId = randomBytes(16).toString('hex');
    handedOver.set(fileId, path);
    return { fileId, name };
  }

  function readInput(input: IngestInput): { name: string; bytes: Uint8Array } {
    if ('bytes' in input) {
      checkSize(input.name, input.bytes.byteLength);
      return { name: input.name, bytes: input.bytes };
    }
    const path = handedOver.get(input.fileId);
    if (!path) throw new AppError('FILE_NOT_FOUND', { name: input.fileId });
    return readFile(path);
  }

  /** Files being read now, by SHA-256: the same bytes dropped again meanwhile wait for the first reading. */
  const reading = new Map<string, Promise<DocumentSummary>>();

  async function ingest(input: IngestInput, caller?: Caller): Promise<IngestResult> {
    const { name, bytes } = readInput(input);
    const progress = (stage: IngestStage, page?: number, pages?: number) =>
      emit?.('documents:progress', { ingestId: input.ingestId, name, stage, ...(page ? { page, pages } : {}) }, caller);
    progress('reading');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = rows.summary(sha256);
    if (existing) return { ...existing, alreadyStored: true };
    const inFlight = reading.get(sha256);
    if (inFlight) return { ...(await inFlight), alreadyStored: true };

    const first = store(sha256, name, bytes, input.password, progress);
    reading.set(sha256, first);
    try {
      return { ...(await first), alreadyStored: false };
    } finally {
      reading.delete(sha256);
    }
  }

  async function store(
    sha256: string,
    name: string,
    bytes: Uint8Array,
    password: string | undefined,
    progress: (stage: IngestStage, page?: number, pages?: number) => void,
  ): Promise<DocumentSummary> {
    const started = performance.now();
    const extraction = await extractor.extract(bytes, name, password, (p) => progress(p.stage, p.page, p.pages));
    progress('storing');
    const created = files.put(sha256, bytes);
    try {
      rows.insert({
        sha256,
        name,
        sizeBytes: bytes.byteLength,
        extraction,
        extractionMs: Math.round(performance.now() - started),
        createdAt: clock.now(),
      });
    } catch (error) {
      // Another process (the CLI beside the app) stored the same bytes meanwhile: that document is this one.
      const storedMeanwhile = rows.summary(sha256);
      if (storedMeanwhile) return storedMeanwhile;
      // No row, no file: a failed ingest leaves nothing behind.
      if (created) files.remove(sha256);
      throw error;
    }
    const summary = rows.summary(sha256);
    if (!summary) throw new Error(`document ${sha256} vanished after insert`);
    return summary;
  }

  return {
    handOver,
    ingest,
    list: () => rows.list(),
    summary(sha256) {
      const summary = rows.summary(sha256);
      if (!summary) throw new AppError('DOCUMENT_NOT_FOUND', { sha256 });
      return summary;
    },
    warmUp: () => extractor.warmUp(),
    get(sha256) {
      const detail = rows.detail(sha256);
      if (!detail) throw new AppError('DOCUMENT_NOT_FOUND', { sha256 });
      return detail;
    },
    file(sha256) {
      if (!rows.summary(sha256) || !files.has(sha256)) throw new AppError('DOCUMENT_NOT_FOUND', { sha256 });
      return files.read(sha256);
    },
  };
}

/** Tokens kept at once; a session that hands over more drops the oldest. */
const MAX_HANDED_OVER = 10_000;

/** The name and bytes of a handed-over file, refusing what is missing, empty or over the limits before reading it. */
function readFile(path: string): { name: string; bytes: Uint8Array } {
  const name = basename(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', { name });
  }
  checkSize(name, size);
  return { name, bytes: new Uint8Array(readFileSync(path)) };
}

function checkSize(name: string, size: number): void {
  if (size === 0) throw new AppError('FILE_EMPTY', { name });
  if (size > DOCUMENT_LIMITS.maxBytes) {
    throw new AppError('FILE_TOO_LARGE', { name, limit: `${DOCUMENT_LIMITS.maxBytes / MB} MB` });
  }
}
