import { useTranslation } from 'react-i18next';

/** Past analyses, newest first. Until the first question is asked there is nothing to list, and it says so. */
export function HistorySidebar() {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-labelledby="history-heading">
      <h2 id="history-heading" className="sidebar__heading">
        {t('nav.history')}
      </h2>
      <div className="empty-state" role="status">
        <p className="empty-state__title">{t('history.emptyTitle')}</p>
        <p className="empty-state__body">{t('history.emptyBody')}</p>
      </div>
    </nav>
  );
}
