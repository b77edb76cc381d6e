import { create } from 'zustand';
import type { AnalysisItem, SearchHit } from '../../shared/history';
import { api } from '../api';

// A page a round trip: 500 rows of a few hundred bytes each.
const PAGE = 500;
const FIRST_PAGE = 100;

interface HistoryState {
  items: AnalysisItem[];
  total: number;
  query: string;
  hits: SearchHit[];
  /** The past analysis shown in the main area. */
  openAnswerId: string | null;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
  search(query: string): Promise<void>;
  openAnswer(answerId: string | null): void;
}

export const useHistory = create<HistoryState>()((set, get) => ({
  items: [],
  total: 0,
  query: '',
  hits: [],
  openAnswerId: null,
  async refresh() {
    // Back to the newest rows; a screenful is enough to show first, the rest comes as the list scrolls.
    const page = await api.history.page({ limit: FIRST_PAGE, offset: 0 });
    set({ items: page.items, total: page.total });
    if (get().query.trim() !== '') await get().search(get().query);
  },
  async loadMore() {
    const { items, total } = get();
    if (items.length >= total) return;
    const page = await api.history.page({ limit: PAGE, offset: items.length });
    set({ items: [...items, ...page.items], total: page.total });
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
}));
