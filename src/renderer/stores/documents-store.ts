import { create } from 'zustand';
import type { DocumentSummary, IngestStage } from '../../shared/documents';
import type { AppErrorData } from '../../shared/errors';
import type { AppEvents } from '../../shared/events';
import { api } from '../api';
import { toErrorData } from './errors';

/** A file handed over to main (by its token, Electron) or read here and sent as bytes; kept to retry with a password. */
type IngestSource = { fileId: string } | { name: string; bytes: Uint8Array<ArrayBuffer> };

export interface IngestItem {
  ingestId: string;
  name: string;
  stage: IngestStage | 'queued' | 'done' | 'failed';
  page?: number | undefined;
  pages?: number | undefined;
  error?: AppErrorData | undefined;
  alreadyStored?: boolean;
  sha256?: string;
  source: IngestSource;
}

interface DocumentsState {
  documents: DocumentSummary[];
  ingests: IngestItem[];
  /** The ingest waiting for the user to type a PDF password. */
  passwordFor: string | null;
  openSha256: string | null;
  /** Where the viewer goes in the open document (a search hit's page, a citation's clause), or null for the start. */
  openAt: DocumentTarget | null;
  /** The documents the next question is about. */
  selected: string[];
  toggleSelected(sha256: string): void;
  load(): Promise<void>;
  addFiles(files: readonly File[]): Promise<void>;
  submitPassword(ingestId: string, password: string): Promise<void>;
  cancelPassword(): void;
  dismiss(ingestId: string): void;
  applyProgress(progress: AppEvents['documents:progress']): void;
  /** Documents as main now has them (filed under a matter, say), put in place of the ones here. */
  applyChanged(documents: readonly DocumentSummary[]): void;
  /** A matter was removed: its documents that went with it leave the lists, the others are in no matter now. */
  matterRemoved(matterId: string, removedIds: readonly string[]): void;
  /** Opens a document (beside the answer shown, if there is one), at a place in it; null closes it. */
  open(sha256: string | null, at?: Omit<DocumentTarget, 'seq'>): void;
}

/** A place to show in a document: a page, a clause on it, words to find there. */
export interface DocumentTarget {
  page: number | null;
  clause?: string | null;
  /** Words to find and mark, as a search hit's. */
  find?: string;
  /** A range of the document's text to mark: a checked citation's quote where it was found. */
  range?: { start: number; end: number };
  /** Counts every opening, so the same citation clicked twice goes back to its place. */
  seq: number;
}

let openings = 0;

const PASSWORD_CODES = new Set(['PDF_PASSWORD_REQUIRED', 'PDF_PASSWORD_WRONG']);

export const useDocuments = create<DocumentsState>()((set, get) => {
  const update = (ingestId: string, patch: Partial<IngestItem>) =>
    set((state) => ({ ingests: state.ingests.map((i) => (i.ingestId === ingestId ? { ...i, ...patch } : i)) }));

  async function run(item: IngestItem, password?: string): Promise<void> {
    update(item.ingestId, { stage: 'reading', error: undefined });
    try {
      const input = { ingestId: item.ingestId, ...item.source, ...(password !== undefined ? { password } : {}) };
      const doc = await api.documents.ingest(input);
      const { alreadyStored, ...summary } = doc;
      update(item.ingestId, { stage: 'done', alreadyStored, sha256: doc.sha256 });
      set((state) => ({
        documents: [summary, ...state.documents.filter((d) => d.sha256 !== doc.sha256)],
        // A document just added is what the next question is most likely about.
        selected: state.selected.includes(doc.sha256) ? state.selected : [...state.selected, doc.sha256],
      }));
    } catch (error) {
      const shown = toErrorData(error);
      update(item.ingestId, { stage: 'failed', error: shown });
      if (PASSWORD_CODES.has(shown.code)) set({ passwordFor: item.ingestId });
    }
  }

  // One file at a time: main reads them one at a time anyway, and the list shows the order.
  let queue: Promise<void> = Promise.resolve();

  return {
    documents: [],
    ingests: [],
    passwordFor: null,
    openSha256: null,
    openAt: null,
    selected: [],
    toggleSelected(sha256) {
      const selected = get().selected;
      set({ selected: selected.includes(sha256) ? selected.filter((s) => s !== sha256) : [...selected, sha256] });
    },
    async load() {
      const documents = await api.documents.list();
      // A document deleted with its matter cannot stay chosen for the next question.
      set((state) => ({ documents, selected: state.selected.filter((s) => documents.some((d) => d.sha256 === s)) }));
    },
    async addFiles(files) {
      const handed = await Promise.all(files.map((file) => api.files.handOver(file).catch(() => null)));
      const items: IngestItem[] = files.map((file, index) => {
        const token = handed[index];
        return {
          ingestId: crypto.randomUUID(),
          name: file.name,
          stage: 'queued',
          source: token ? { fileId: token.fileId } : { name: file.name, bytes: new Uint8Array(0) },
        };
      });
      set((state) => ({ ingests: [...items, ...state.ingests] }));
      for (const [index, item] of items.entries()) {
        const file = files[index];
        queue = queue.then(async () => {
          if (file && 'bytes' in item.source) {
            item.source = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
            update(item.ingestId, { source: item.source });
          }
          await run(item);
        });
      }
      await queue;
    },
    async submitPassword(ingestId, password) {
      const item = get().ingests.find((i) => i.ingestId === ingestId);
      set({ passwordFor: null });
      if (item) await run(item, password);
    },
    cancelPassword() {
      set({ passwordFor: null });
    },
    dismiss(ingestId) {
      set((state) => ({ ingests: state.ingests.filter((i) => i.ingestId !== ingestId) }));
    },
    applyProgress(progress) {
      const item = get().ingests.find((i) => i.ingestId === progress.ingestId);
      if (item && item.stage !== 'done' && item.stage !== 'failed') {
        update(progress.ingestId, { stage: progress.stage, page: progress.page, pages: progress.pages });
      }
    },
    applyChanged(changed) {
      const byId = new Map(changed.map((doc) => [doc.sha256, doc]));
      set((state) => ({ documents: state.documents.map((doc) => byId.get(doc.sha256) ?? doc) }));
    },
    matterRemoved(matterId, removedIds) {
      const removed = new Set(removedIds);
      set((state) => ({
        documents: state.documents
          .filter((doc) => !removed.has(doc.sha256))
          .map((doc) => (doc.matterId === matterId ? { ...doc, matterId: null } : doc)),
        // A document deleted with its matter cannot stay chosen for the next question, nor open.
        selected: state.selected.filter((sha256) => !removed.has(sha256)),
        ...(state.openSha256 && removed.has(state.openSha256) ? { openSha256: null, openAt: null } : {}),
      }));
    },
    open(sha256, at) {
      set({ openSha256: sha256, openAt: sha256 && at ? { ...at, seq: ++openings } : null });
    },
  };
});
