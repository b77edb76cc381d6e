import { useTranslation } from 'react-i18next';
import { useFailures } from '../failures';
import { ErrorNotice } from './ErrorNotice';

/** What went wrong in work nobody waited for, each with its code, until dismissed. */
export function FailureNotices() {
  const { t } = useTranslation();
  const failures = useFailures((state) => state.failures);
  const dismiss = useFailures((state) => state.dismiss);
  if (failures.length === 0) return null;
  return (
    <section className="failure-notices" aria-label={t('failures.title')}>
      {failures.map((failure) => (
        <div key={failure.id} className="failure-notices__item">
          <ErrorNotice error={failure.error} />
          <button type="button" className="button button--small" onClick={() => dismiss(failure.id)}>
            {t('failures.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
