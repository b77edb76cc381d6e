import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { Provider, ProviderConfig } from '../../shared/providers';
import { api } from '../api';
import { toErrorData } from './errors';

type TestResult = { ok: true; latencyMs: number } | { ok: false; error: AppErrorData } | { ok: 'testing' };

interface ProvidersState {
  providers: Provider[];
  /** The last failure of a change, shown in Settings. */
  error: AppErrorData | null;
  tests: Record<string, TestResult>;
  load(): Promise<void>;
  save(config: ProviderConfig): Promise<boolean>;
  remove(id: string): Promise<void>;
  setKey(id: string, key: string): Promise<boolean>;
  clearKey(id: string): Promise<void>;
  test(id: string, model: string): Promise<void>;
}

export const useProviders = create<ProvidersState>()((set, get) => {
  const replace = (provider: Provider) => {
    const others = get().providers.filter((p) => p.id !== provider.id);
    const index = get().providers.findIndex((p) => p.id === provider.id);
    // A connection test was of the address and key as they were: once either changes, its result no longer holds.
    const { [provider.id]: _stale, ...tests } = get().tests;
    set({
      providers:
        index === -1 ? [...others, provider] : get().providers.map((p) => (p.id === provider.id ? provider : p)),
      tests,
      error: null,
    });
  };
  const attempt = async (run: () => Promise<void>): Promise<boolean> => {
    try {
      await run();
      return true;
    } catch (error) {
      set({ error: toErrorData(error) });
      return false;
    }
  };

  return {
    providers: [],
    error: null,
    tests: {},
    async load() {
      set({ providers: await api.providers.list() });
    },
    save: (config) => attempt(async () => replace(await api.providers.save(config))),
    async remove(id) {
      await attempt(async () => {
        await api.providers.remove({ providerId: id });
        set({ providers: get().providers.filter((p) => p.id !== id), error: null });
      });
    },
    setKey: (id, key) => attempt(async () => replace(await api.providers.setKey({ providerId: id, key }))),
    async clearKey(id) {
      await attempt(async () => replace(await api.providers.clearKey({ providerId: id })));
    },
    async test(id, model) {
      set({ tests: { ...get().tests, [id]: { ok: 'testing' } } });
      let result: TestResult;
      try {
        result = await api.providers.test({ providerId: id, model });
      } catch (error) {
        result = { ok: false, error: toErrorData(error) };
      }
      set({ tests: { ...get().tests, [id]: result } });
    },
  };
});
