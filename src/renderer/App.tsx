import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import iconUrl from '../../resources/icon.svg';
import type { AppInfo } from '../shared/contract';
import { api } from './api';
import { FailureNotices } from './components/FailureNotices';
import { SplitView } from './components/SplitView';
import { inBackground } from './failures';
import { changeLanguage } from './i18n';
import { shownAnswer, useAsk } from './stores/ask-store';
import { useDocuments } from './stores/documents-store';
import { useHistory } from './stores/history-store';
import { useSettings } from './stores/settings-store';
import { AnswerView } from './views/AnswerView';
import { DocumentsView } from './views/DocumentsView';
import { DocumentViewer } from './views/DocumentViewer';
import { HistorySidebar } from './views/HistorySidebar';
import { PasswordDialog } from './views/PasswordDialog';
import { PastAnswerView } from './views/PastAnswerView';
import { RestoreNotice } from './views/RestoreNotice';
import { SettingsDialog } from './views/SettingsDialog';
import { useWindowDrop } from './views/use-window-drop';

export function App() {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const theme = useSettings((state) => state.settings.theme);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [restoreSeen, setRestoreSeen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const openSha256 = useDocuments((state) => state.openSha256);
  const openAnswerId = useHistory((state) => state.openAnswerId);
  const openAt = useDocuments((state) => state.openAt);
  const answerShown = useAsk((state) => shownAnswer(state) !== null);
  // A document opened while an answer is on screen opens beside it.
  const beside = openSha256 !== null && (openAnswerId !== null || answerShown);
  const addFiles = useDocuments((state) => state.addFiles);
  const dragging = useWindowDrop((files) => inBackground(addFiles(files)));

  useEffect(() => {
    inBackground(changeLanguage(language));
  }, [language]);

  useEffect(() => {
    // "system" leaves the choice to `prefers-color-scheme`; the CSS reads this attribute.
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    inBackground(api.app.info().then(setAppInfo));
  }, []);

  // Esc closes the document, then the saved analysis, back to the list; an open dialog takes Esc for itself.
  useEffect(() => {
    const back = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (useDocuments.getState().openSha256) useDocuments.getState().open(null);
      else if (useHistory.getState().openAnswerId) useHistory.getState().openAnswer(null);
    };
    window.addEventListener('keydown', back);
    return () => window.removeEventListener('keydown', back);
  }, []);

  return (
    <div className="app">
      {/* The first stop of the keyboard: past the top bar and the history list, to what is open. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {t('nav.skipToMain')}
      </button>
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
      {appInfo?.lastRestore && !restoreSeen && (
        <RestoreNotice outcome={appInfo.lastRestore} onDismiss={() => setRestoreSeen(true)} />
      )}
      <FailureNotices />
      <div className={beside ? 'workspace workspace--split' : 'workspace'}>
        <HistorySidebar />
        <main className="main" ref={main} tabIndex={-1}>
          {beside && openSha256 ? (
            <SplitView
              showDocument={openAt?.seq ?? 0}
              answer={openAnswerId ? <PastAnswerView key={openAnswerId} answerId={openAnswerId} /> : <AnswerView />}
              document={<DocumentViewer key={openSha256} sha256={openSha256} beside />}
            />
          ) : openAnswerId ? (
            <PastAnswerView key={openAnswerId} answerId={openAnswerId} />
          ) : openSha256 ? (
            <DocumentViewer key={openSha256} sha256={openSha256} />
          ) : (
            <DocumentsView dragging={dragging} onOpenSettings={() => setSettingsOpen(true)} />
          )}
        </main>
      </div>
      <SettingsDialog open={settingsOpen} appInfo={appInfo} onClose={() => setSettingsOpen(false)} />
      <PasswordDialog />
    </div>
  );
}
