import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { Provider, ProviderConfig } from '../../shared/providers';
import { api } from '../api';
import { toErrorData } from './errors';

/** A connection test of a provider's address, key and first model, as the Settings row shows it. */
export type ConnectionTest =
  | { state: 'testing' }
  | { state: 'passed'; latencyMs: number }
  | { state: 'failed'; error: AppErrorData };

/** The providers as main has them. A change that fails throws, for the view's ErrorNotice (useAction). */
interface ProvidersState {
  providers: Provider[];
  tests: Record<string, ConnectionTest>;
  load(): Promise<void>;
  save(config: ProviderConfig): Promise<Provider>;
  remove(id: string): Promise<void>;
  setKey(id: string, key: string): Promise<Provider>;
  clearKey(id: string): Promise<Provider>;
  /** Never throws: the outcome is the test's state. */
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
    });
    return provider;
  };

  return {
    providers: [],
    tests: {},
    async load() {
      set({ providers: await api.providers.list() });
    },
    save: async (config) => replace(await api.providers.save(config)),
    async remove(id) {
      await api.providers.remove({ providerId: id });
      set({ providers: get().providers.filter((p) => p.id !== id) });
    },
    setKey: async (id, key) => replace(await api.providers.setKey({ providerId: id, key })),
    clearKey: async (id) => replace(await api.providers.clearKey({ providerId: id })),
    async test(id, model) {
      set({ tests: { ...get().tests, [id]: { state: 'testing' } } });
      let result: ConnectionTest;
      try {
        result = { state: 'passed', latencyMs: (await api.providers.test({ providerId: id, model })).latencyMs };
      } catch (error) {
        result = { state: 'failed', error: toErrorData(error) };
      }
      set({ tests: { ...get().tests, [id]: result } });
    },
  };
});
