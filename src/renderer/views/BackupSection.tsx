import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupManifest } from '../../shared/backup';
import type { AppErrorData } from '../../shared/errors';
import { formatDateTime, formatNumber } from '../../shared/format';
import type { Language } from '../../shared/language';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { FileActionStatus, useFileAction } from '../components/FileActionStatus';
import { InlineConfirm } from '../components/InlineConfirm';
import { inBackground } from '../failures';
import { toErrorData } from '../stores/errors';
import { useSettings } from '../stores/settings-store';

/** When a backup was made, as the lawyer reads a date. */
export function backupDate(manifest: BackupManifest, language: Language): string {
  return formatDateTime(new Date(manifest.createdAt), language);
}

/**
 * Backup to a folder the user picks, and restore from one: main checks the
 * backup in full first, then the lawyer confirms, knowing what it holds and
 * that the current data is kept aside, and LexDesk restarts to put it in place.
 */
export function BackupSection() {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const backingUp = useFileAction();
  const [chosen, setChosen] = useState<{ manifest: BackupManifest; token: string } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [restarting, setRestarting] = useState(false);
  const counts = (manifest: BackupManifest) => ({
    answers: formatNumber(manifest.answers, language),
    documents: formatNumber(manifest.documents, language),
    date: backupDate(manifest, language),
  });

  async function choose() {
    setError(null);
    setChosen(null);
    try {
      setChosen(await api.backups.choose());
    } catch (caught) {
      setError(toErrorData(caught));
    }
  }

  async function restore(token: string) {
    setError(null);
    try {
      setRestarting(true);
      await api.backups.restore({ token });
    } catch (caught) {
      setRestarting(false);
      setChosen(null);
      setError(toErrorData(caught));
    }
  }

  return (
    <section className="field" aria-labelledby="backup-heading">
      <h3 id="backup-heading">{t('backup.title')}</h3>
      <p className="field__text">{t('backup.body')}</p>
      <div className="dialog__actions dialog__actions--start">
        <button
          type="button"
          className="button"
          disabled={backingUp.busy || restarting}
          onClick={() =>
            inBackground(
              backingUp.run(
                () => api.backups.create(),
                (made) => t('backup.created', { ...counts(made.manifest), path: made.path }),
              ),
            )
          }
        >
          {t('backup.create')}
        </button>
        <button
          type="button"
          className="button"
          disabled={backingUp.busy || restarting}
          onClick={() => inBackground(choose())}
        >
          {t('backup.restore')}
        </button>
      </div>
      <FileActionStatus state={backingUp.state} />
      {error && <ErrorNotice error={error} />}
      {chosen && (
        <InlineConfirm
          title={t('backup.confirmTitle')}
          body={t('backup.confirmBody', counts(chosen.manifest))}
          confirmLabel={t('backup.confirmRestore')}
          cancelLabel={t('backup.cancel')}
          busy={restarting}
          onConfirm={() => inBackground(restore(chosen.token))}
          onCancel={() => setChosen(null)}
        />
      )}
    </section>
  );
}
