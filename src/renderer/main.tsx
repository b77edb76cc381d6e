import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { api } from './api';
import { RootErrorBoundary } from './components/RootErrorBoundary';
import { initI18n } from './i18n';
import { subscribeToMain } from './main-events';
import { useDocuments } from './stores/documents-store';
import { useHistory } from './stores/history-store';
import { useProviders } from './stores/providers-store';
import { createSettingsStore, SettingsStoreContext } from './stores/settings-store';
import './styles.css';

async function start(root: HTMLElement): Promise<void> {
  // Everything the first screen shows, fetched at once: each is a round trip to main.
  const [settings] = await Promise.all([
    api.settings.get(),
    useDocuments.getState().load(),
    useProviders.getState().load(),
    useHistory.getState().refresh(),
  ]);
  await initI18n(settings.language);
  const store = createSettingsStore(settings);
  subscribeToMain(api, store);
  createRoot(root).render(
    <StrictMode>
      <RootErrorBoundary>
        <SettingsStoreContext.Provider value={store}>
          <App />
        </SettingsStoreContext.Provider>
      </RootErrorBoundary>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) {
  start(root).catch((error: unknown) => {
    // i18n may not be up yet: say it in both languages.
    const message = error instanceof Error ? error.message : String(error);
    root.textContent = `Không khởi động được LexDesk / LexDesk could not start: ${message}`;
    root.className = 'fatal';
  });
}
