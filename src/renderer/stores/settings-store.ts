import { createContext, useContext } from 'react';
import { create, useStore } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { SecretStorageStatus } from '../../shared/secrets';
import type { SettingChange, Settings } from '../../shared/settings';
import { api } from '../api';
import { toErrorData } from './errors';

interface SettingsState {
  settings: Settings;
  keyStorage: SecretStorageStatus | null;
  /** The last change main refused, shown beside the control that made it. */
  error: AppErrorData | null;
  change(change: SettingChange): Promise<void>;
  refreshKeyStorage(): Promise<void>;
  /** Main told every window the settings changed (this one or another). */
  applyFromMain(settings: Settings): void;
}

export function createSettingsStore(initial: Settings) {
  return create<SettingsState>()((set, get) => ({
    settings: initial,
    keyStorage: null,
    error: null,
    async change(change) {
      // Shown at once, so a radio button does not spring back while main saves; undone if main refuses.
      const previous = get().settings;
      set({ settings: { ...previous, [change.key]: change.value }, error: null });
      try {
        set({ settings: await api.settings.set(change) });
        if (change.key === 'acceptWeakKeyStorage') await get().refreshKeyStorage();
      } catch (error) {
        set({ settings: previous, error: toErrorData(error) });
      }
    },
    async refreshKeyStorage() {
      try {
        set({ keyStorage: await api.secrets.status() });
      } catch (error) {
        set({ error: toErrorData(error) });
      }
    },
    applyFromMain(settings) {
      set({ settings });
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

/** The store is made once the settings are loaded, so no component ever sees settings that are not the user's. */
export const SettingsStoreContext = createContext<SettingsStore | null>(null);

export function useSettings<T>(select: (state: SettingsState) => T): T {
  const store = useContext(SettingsStoreContext);
  if (!store) throw new Error('useSettings outside SettingsStoreContext');
  return useStore(store, select);
}
