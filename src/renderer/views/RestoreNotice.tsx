import { useTranslation } from 'react-i18next';
import type { RestoreOutcome } from '../../shared/backup';
import { formatNumber } from '../../shared/format';
import { useSettings } from '../stores/settings-store';
import { backupDate } from './BackupSection';

/** After the restart a restore asked for: what was put back, or why nothing was touched. */
export function RestoreNotice({ outcome, onDismiss }: { outcome: RestoreOutcome; onDismiss(): void }) {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  return (
    <div className={outcome.ok ? 'banner notice--success' : 'banner notice--error'} role="status">
      <p>
        {outcome.ok
          ? t('backup.restored', {
              date: backupDate(outcome.manifest, language),
              answers: formatNumber(outcome.manifest.answers, language),
              documents: formatNumber(outcome.manifest.documents, language),
            })
          : t('backup.restoreFailed', { message: outcome.error.message })}
        {!outcome.ok && <code> {outcome.error.code}</code>}
      </p>
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('backup.dismiss')}
      </button>
    </div>
  );
}
