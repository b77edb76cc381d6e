import { useTranslation } from 'react-i18next';
import { type IngestItem, useDocuments } from '../stores/documents-store';

/** Files being read, and those that could not be, each with what happened in the user's language. */
export function IngestList() {
  const { t } = useTranslation();
  const ingests = useDocuments((state) => state.ingests);
  const dismiss = useDocuments((state) => state.dismiss);
  const askPassword = (ingestId: string) => useDocuments.setState({ passwordFor: ingestId });
  const visible = ingests.filter((item) => item.stage !== 'done' || item.alreadyStored);
  if (visible.length === 0) return null;

  const status = (item: IngestItem): string => {
    if (item.stage === 'failed') return item.error?.message ?? '';
    if (item.stage === 'done') return t('documents.alreadyStored');
    if (item.stage === 'extracting' && item.page && item.pages) {
      return t('documents.stage.extractingPage', { page: item.page, pages: item.pages });
    }
    return t(`documents.stage.${item.stage}`);
  };

  return (
    <ul className="ingests" aria-label={t('documents.title')}>
      {visible.map((item) => (
        <li key={item.ingestId} className={item.stage === 'failed' ? 'ingest ingest--failed' : 'ingest'}>
          <span className="ingest__name">{item.name}</span>
          <span className="ingest__status" role="status">
            {status(item)}
            {item.error && <code className="ingest__code">{item.error.code}</code>}
          </span>
          {item.stage === 'extracting' && item.page && item.pages ? (
            <progress max={item.pages} value={item.page} aria-label={item.name} />
          ) : null}
          {item.error && (item.error.code === 'PDF_PASSWORD_REQUIRED' || item.error.code === 'PDF_PASSWORD_WRONG') && (
            <button type="button" className="button" onClick={() => askPassword(item.ingestId)}>
              {t('documents.enterPassword')}
            </button>
          )}
          {(item.stage === 'failed' || item.stage === 'done') && (
            <button type="button" className="button button--quiet" onClick={() => dismiss(item.ingestId)}>
              {t('documents.dismiss')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
