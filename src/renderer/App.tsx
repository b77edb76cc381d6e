import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import iconUrl from '../../resources/icon.svg';
import type { AppInfo } from '../shared/contract';
import { api } from './api';
import { changeLanguage } from './i18n';
import { useSettings } from './stores/settings-store';
import { DropZone } from './views/DropZone';
import { HistorySidebar } from './views/HistorySidebar';
import { SettingsDialog } from './views/SettingsDialog';

export function App() {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const theme = useSettings((state) => state.settings.theme);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    void changeLanguage(language);
  }, [language]);

  useEffect(() => {
    // "system" leaves the choice to `prefers-color-scheme`; the CSS reads this attribute.
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    api.app.info().then(setAppInfo, () => setAppInfo(null));
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar__brand">
          <img src={iconUrl} alt="" width={28} height={28} />
          <div>
            <h1 className="topbar__title">{t('app.name')}</h1>
            <p className="topbar__tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <button
          type="button"
          className="button"
          aria-haspopup="dialog"
          aria-expanded={settingsOpen}
          onClick={() => setSettingsOpen(true)}
        >
          {t('nav.settings')}
        </button>
      </header>
      <div className="workspace">
        <HistorySidebar />
        <main className="main">
          <DropZone />
        </main>
      </div>
      <SettingsDialog open={settingsOpen} appInfo={appInfo} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
