import { create } from 'zustand';
import type { AnalysisItem, SearchHit } from '../../shared/history';
import type { Matter } from '../../shared/matters';
import { api } from '../api';
import { useDocuments } from './documents-store';

/** The group of analyses filed under no matter. */
export const UNFILED = '';

// Rows are fetched a page at a time, by page number, so a jump to the end of 10,000 rows fetches only what is seen.
export const PAGE = 200;
// The newest analyses of all, fetched with the matters at start: a screenful, enough to fill the groups on top.
const NEWEST = 100;

/**
 * A matter's analyses (or the unfiled ones) as far as they have been fetched,
 * page by page. A page may hold only its first rows (those among the newest of
 * all, at start); it is fetched whole when a row past them comes into view.
 */
export interface HistoryGroup {
  total: number;
  pages: Record<number, AnalysisItem[]>;
}

interface HistoryState {
  matters: Matter[];
  groups: Record<string, HistoryGroup>;
  /**
   * When the newest analysis in no matter was asked, as known at the last refresh (0 when it is older than the
   * newest of all): the unfiled group's place among the matters, kept still while its rows load.
   */
  unfiledActivity: number;
  collapsed: Record<string, boolean>;
  query: string;
  hits: SearchHit[];
  /** The past analysis shown in the main area. */
  openAnswerId: string | null;
  /** The matter new questions are filed under; UNFILED for none. */
  currentMatterId: string;
  /** Matters and the first page of each group in view, anew. */
  refresh(): Promise<void>;
  /** Fetches the whole page holding row `index` of a group, unless the row is here or on its way. */
  ensureRow(key: string, index: number): void;
  toggle(key: string): void;
  search(query: string): Promise<void>;
  openAnswer(answerId: string | null): void;
  setCurrentMatter(key: string): void;
  createMatter(name: string): Promise<Matter>;
  renameMatter(matterId: string, name: string): Promise<void>;
  removeMatter(matterId: string): Promise<void>;
  /** Files analyses or documents under a matter (UNFILED: under none). */
  move(key: string, items: { answerIds?: string[]; documentIds?: string[] }): Promise<void>;
}

const inFlight = new Set<string>();
const matterOf = (key: string) => (key === UNFILED ? null : key);

export const useHistory = create<HistoryState>()((set, get) => {
  async function fetchPage(key: string, page: number): Promise<void> {
    const id = `${key}:${page}`;
    if (inFlight.has(id)) return;
    inFlight.add(id);
    try {
      const result = await api.history.page({ limit: PAGE, offset: page * PAGE, matterId: matterOf(key) });
      const group = get().groups[key] ?? { total: 0, pages: {} };
      set({
        groups: {
          ...get().groups,
          [key]: { total: result.total, pages: { ...group.pages, [page]: result.items } },
        },
      });
    } finally {
      inFlight.delete(id);
    }
  }

  return {
    matters: [],
    groups: {},
    unfiledActivity: 0,
    collapsed: {},
    query: '',
    hits: [],
    openAnswerId: null,
    currentMatterId: UNFILED,

    async refresh() {
      // One round trip: the matters, with their counts, and the newest analyses of all.
      const [matters, newest] = await Promise.all([api.matters.list(), api.history.page({ limit: NEWEST, offset: 0 })]);
      const filed = matters.reduce((sum, matter) => sum + matter.analyses, 0);
      const groups: Record<string, HistoryGroup> = { [UNFILED]: { total: newest.total - filed, pages: { 0: [] } } };
      for (const matter of matters) groups[matter.id] = { total: matter.analyses, pages: { 0: [] } };
      // Both lists are newest first, so a group's rows among the newest of all are its own first rows: the groups
      // on top are drawn at once, the others fetch theirs when they come into view.
      for (const item of newest.items) groups[item.matterId ?? UNFILED]?.pages[0]?.push(item);
      const current = get().currentMatterId;
      set({
        matters,
        groups,
        unfiledActivity: groups[UNFILED]?.pages[0]?.[0]?.createdAt ?? 0,
        currentMatterId: matters.some((m) => m.id === current) ? current : UNFILED,
      });
      if (get().query.trim() !== '') await get().search(get().query);
    },

    ensureRow(key, index) {
      const group = get().groups[key];
      const page = Math.floor(index / PAGE);
      if (!group || rowOf(group, index) || index >= group.total) return;
      void fetchPage(key, page);
    },

    toggle(key) {
      set({ collapsed: { ...get().collapsed, [key]: !get().collapsed[key] } });
    },

    async search(query) {
      set({ query });
      if (query.trim() === '') {
        set({ hits: [] });
        return;
      }
      const hits = await api.history.search({ query, limit: 50 });
      // A slower, older search must not overwrite a newer one.
      if (get().query === query) set({ hits });
    },

    openAnswer(answerId) {
      set({ openAnswerId: answerId });
    },

    setCurrentMatter(key) {
      set({ currentMatterId: key });
    },

    async createMatter(name) {
      const matter = await api.matters.create({ name });
      await get().refresh();
      return matter;
    },

    async renameMatter(matterId, name) {
      await api.matters.rename({ matterId, name });
      await get().refresh();
    },

    async removeMatter(matterId) {
      await api.matters.remove({ matterId });
      const open = get().openAnswerId;
      await Promise.all([get().refresh(), useDocuments.getState().load()]);
      // The analysis or document on screen may have gone with the matter.
      if (open) await api.answers.get({ answerId: open }).catch(() => set({ openAnswerId: null }));
      const documents = useDocuments.getState();
      if (documents.openSha256 && !documents.documents.some((d) => d.sha256 === documents.openSha256)) {
        documents.open(null);
      }
    },

    async move(key, items) {
      await api.matters.assign({ matterId: matterOf(key), ...items });
      await Promise.all([get().refresh(), items.documentIds ? useDocuments.getState().load() : undefined]);
    },
  };
});

/** Row `index` of a group, if its page has been fetched. */
export function rowOf(group: HistoryGroup | undefined, index: number): AnalysisItem | undefined {
  return group?.pages[Math.floor(index / PAGE)]?.[index % PAGE];
}
