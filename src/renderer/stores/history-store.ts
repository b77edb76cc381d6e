import { create } from 'zustand';
import type { AppEvents } from '../../shared/events';
import type { HistoryItem, SearchHit, SearchKind } from '../../shared/history';
import type { Matter } from '../../shared/matters';
import { api } from '../api';
import { inBackground } from '../failures';
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
  pages: Record<number, HistoryItem[]>;
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
  /** What the search looks in: one kind of hit, one document's; null for all. */
  searchFilter: { kind: SearchKind | null; documentId: string | null };
  setSearchFilter(change: Partial<HistoryState['searchFilter']>): Promise<void>;
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
  /** Main's word that an analysis was added, finished or filed: its row and its matter, patched in place. */
  applyChange(change: AppEvents['history:changed']): void;
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
    searchFilter: { kind: null, documentId: null },
    openAnswerId: null,
    currentMatterId: UNFILED,

    async refresh() {
      // One round trip: the matters, with their counts, and the newest analyses of all.
      const [matters, newest] = await Promise.all([api.matters.list(), api.history.page({ limit: NEWEST, offset: 0 })]);
      const filed = matters.reduce((sum, matter) => sum + matter.answers, 0);
      const groups: Record<string, HistoryGroup> = { [UNFILED]: { total: newest.total - filed, pages: { 0: [] } } };
      for (const matter of matters) groups[matter.id] = { total: matter.answers, pages: { 0: [] } };
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
      inBackground(fetchPage(key, page));
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
      const filter = get().searchFilter;
      const hits = await api.history.search({
        query,
        limit: 50,
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.documentId ? { documentId: filter.documentId } : {}),
      });
      // A slower, older search (or one with another filter) must not overwrite a newer one.
      if (get().query === query && get().searchFilter === filter) set({ hits });
    },

    async setSearchFilter(change) {
      set({ searchFilter: { ...get().searchFilter, ...change } });
      await get().search(get().query);
    },

    openAnswer(answerId) {
      set({ openAnswerId: answerId });
    },

    setCurrentMatter(key) {
      set({ currentMatterId: key });
    },

    async createMatter(name) {
      const matter = await api.matters.create({ name });
      set({
        matters: withMatter(get().matters, matter),
        groups: { ...get().groups, [matter.id]: { total: 0, pages: { 0: [] } } },
      });
      return matter;
    },

    async renameMatter(matterId, name) {
      const matter = await api.matters.rename({ matterId, name });
      set({ matters: withMatter(get().matters, matter) });
    },

    async removeMatter(matterId) {
      // One call: the reply names what went with the matter, and the lists let it go.
      const removal = await api.matters.remove({ matterId });
      const { [matterId]: _removed, ...groups } = get().groups;
      const gone = new Set(removal.answerIds);
      const { openAnswerId, currentMatterId, hits } = get();
      set({
        matters: get().matters.filter((matter) => matter.id !== matterId),
        groups,
        hits: hits.filter((hit) => hit.kind !== 'answer' || !gone.has(hit.answerId)),
        // The analysis on screen may have gone with the matter.
        openAnswerId: openAnswerId && gone.has(openAnswerId) ? null : openAnswerId,
        currentMatterId: currentMatterId === matterId ? UNFILED : currentMatterId,
      });
      useDocuments.getState().matterRemoved(matterId, removal.documentIds);
    },

    applyChange({ item, matter }) {
      const key = item.matterId ?? UNFILED;
      const groups = { ...get().groups };
      let added = true;
      for (const [groupKey, group] of Object.entries(groups)) {
        const index = indexIn(group, item.answerId);
        if (index === undefined) continue;
        if (groupKey === key) {
          groups[groupKey] = replacedAt(group, index, item);
          added = false;
        } else {
          // Filed elsewhere since: out of this group.
          groups[groupKey] = removedAt(group, index);
        }
      }
      if (added) groups[key] = prepended(groups[key] ?? { total: 0, pages: { 0: [] } }, item);
      set({
        groups,
        matters: matter ? withMatter(get().matters, matter) : get().matters,
        unfiledActivity: key === UNFILED ? Math.max(get().unfiledActivity, item.createdAt) : get().unfiledActivity,
      });
      // While the lawyer searches, a finished answer may be a new hit (the index takes answers as they end): the one
      // call made, and only then.
      if (get().query.trim() !== '' && item.status !== 'streaming') inBackground(get().search(get().query));
    },

    async move(key, items) {
      await api.matters.assign({ matterId: matterOf(key), ...items });
      await Promise.all([get().refresh(), items.documentIds ? useDocuments.getState().load() : undefined]);
    },
  };
});

/** SQLite's NOCASE order, which main lists matters in: ASCII letters folded, nothing else. */
const nocase = (name: string) => name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/** The matters with this one put in (or in its place), in main's order. */
function withMatter(matters: Matter[], matter: Matter): Matter[] {
  const others = matters.filter((m) => m.id !== matter.id);
  const at = others.findIndex((m) => nocase(m.name) > nocase(matter.name));
  return at === -1 ? [...others, matter] : [...others.slice(0, at), matter, ...others.slice(at)];
}

/** Where a row sits among a group's fetched rows, as an index into the whole group. */
function indexIn(group: HistoryGroup, answerId: string): number | undefined {
  for (const [page, items] of Object.entries(group.pages)) {
    const at = items.findIndex((row) => row.answerId === answerId);
    if (at !== -1) return Number(page) * PAGE + at;
  }
  return undefined;
}

function replacedAt(group: HistoryGroup, index: number, item: HistoryItem): HistoryGroup {
  const page = Math.floor(index / PAGE);
  const items = [...(group.pages[page] ?? [])];
  items[index % PAGE] = item;
  return { ...group, pages: { ...group.pages, [page]: items } };
}

/**
 * Rows move by one when a row comes in or goes: the page it is on is mended,
 * the pages after it are let go, to be fetched again when they come into view.
 */
function keptUpTo(group: HistoryGroup, page: number, items: HistoryItem[], total: number): HistoryGroup {
  const pages: Record<number, HistoryItem[]> = {};
  for (const [number, rows] of Object.entries(group.pages)) if (Number(number) < page) pages[Number(number)] = rows;
  pages[page] = items.slice(0, PAGE);
  return { total, pages };
}

function removedAt(group: HistoryGroup, index: number): HistoryGroup {
  const page = Math.floor(index / PAGE);
  const items = (group.pages[page] ?? []).filter((_row, at) => at !== index % PAGE);
  return keptUpTo(group, page, items, Math.max(0, group.total - 1));
}

/** The newest row of all goes on top. */
function prepended(group: HistoryGroup, item: HistoryItem): HistoryGroup {
  return keptUpTo(group, 0, [item, ...(group.pages[0] ?? [])], group.total + 1);
}

/** Row `index` of a group, if its page has been fetched. */
export function rowOf(group: HistoryGroup | undefined, index: number): HistoryItem | undefined {
  return group?.pages[Math.floor(index / PAGE)]?.[index % PAGE];
}
