import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExportButtons } from '../components/ExportButtons';
import { useAction } from '../components/use-action';
import { useModalDialog } from '../components/use-modal-dialog';
import { useHistory } from '../stores/history-store';

export type MatterDialogMode = { kind: 'create' } | { kind: 'manage'; matterId: string };

/**
 * A new matter, or one matter's name, export and deletion. Deleting asks
 * again in plain words, saying what goes with it, before anything is removed.
 */
export function MatterDialog({ mode, onClose }: { mode: MatterDialogMode | null; onClose(): void }) {
  const { t } = useTranslation();
  const nameId = useId();
  const matter = useHistory((state) =>
    mode?.kind === 'manage' ? state.matters.find((m) => m.id === mode.matterId) : undefined,
  );
  const { createMatter, renameMatter, removeMatter, setCurrentMatter } = useHistory.getState();
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const { error } = action;

  const dialog = useModalDialog(mode !== null, () => {
    setName(matter?.name ?? '');
    setConfirming(false);
    action.reset();
  });

  function submitName(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return;
    if (mode?.kind === 'create') {
      action.run(
        () => createMatter(name.trim()),
        (created) => {
          // A matter just made is where the lawyer is about to work: new questions go there.
          setCurrentMatter(created.id);
          onClose();
        },
      );
    } else if (matter) {
      action.run(() => renameMatter(matter.id, name.trim()));
    }
  }

  const title = mode?.kind === 'create' ? t('matters.create') : (matter?.name ?? '');

  return (
    <dialog ref={dialog} className="dialog dialog--narrow" aria-labelledby="matter-title" onClose={onClose}>
      {confirming && matter ? (
        <div className="dialog__form">
          <h2 id="matter-title">{t('matters.confirmTitle', { name: matter.name })}</h2>
          <p>{t('matters.confirmBody', { analyses: matter.answers })}</p>
          {error && <ErrorNotice error={error} />}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('matters.cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => action.run(() => removeMatter(matter.id), onClose)}
            >
              {t('matters.confirmRemove')}
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog__form">
          <header className="dialog__header">
            <h2 id="matter-title">{title}</h2>
            <button type="button" className="button" onClick={onClose}>
              {t('settings.close')}
            </button>
          </header>
          {matter && (
            <p className="field__text">
              {t('matters.analyses', { count: matter.answers })} · {t('matters.documents', { count: matter.documents })}
            </p>
          )}
          <form className="matter-name" onSubmit={submitName}>
            <label htmlFor={nameId}>{t('matters.name')}</label>
            <input
              id={nameId}
              data-autofocus
              className="text-field"
              maxLength={200}
              placeholder={t('matters.namePlaceholder')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <button type="submit" className="button button--primary" disabled={name.trim() === ''}>
              {mode?.kind === 'create' ? t('matters.create') : t('matters.rename')}
            </button>
          </form>
          {error && <ErrorNotice error={error} />}
          {matter && (
            <div className="dialog__actions dialog__actions--start">
              <ExportButtons save={(format) => api.exports.matter({ matterId: matter.id, format })} />
              <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>
                {t('matters.remove')}
              </button>
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}
