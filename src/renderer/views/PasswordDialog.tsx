import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice';
import { useModalDialog } from '../components/use-modal-dialog';
import { inBackground } from '../failures';
import { useDocuments } from '../stores/documents-store';

/** Asks for a PDF's password; the password goes to main for this one read and is not stored. */
export function PasswordDialog() {
  const { t } = useTranslation();
  const fieldId = useId();
  const [password, setPassword] = useState('');
  const passwordFor = useDocuments((state) => state.passwordFor);
  const item = useDocuments((state) => state.ingests.find((i) => i.ingestId === state.passwordFor));
  const submitPassword = useDocuments((state) => state.submitPassword);
  const cancelPassword = useDocuments((state) => state.cancelPassword);

  const dialog = useModalDialog(passwordFor !== null, () => setPassword(''));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (passwordFor) inBackground(submitPassword(passwordFor, password));
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="password-title" onClose={cancelPassword}>
      <form onSubmit={submit} className="dialog__form">
        <h2 id="password-title">{t('password.title')}</h2>
        <p>{t('password.body', { name: item?.name ?? '' })}</p>
        {item?.error?.code === 'PDF_PASSWORD_WRONG' && <ErrorNotice error={item.error} />}
        <label htmlFor={fieldId}>{t('password.label')}</label>
        <input
          id={fieldId}
          data-autofocus
          type="password"
          className="text-field"
          autoComplete="off"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={cancelPassword}>
            {t('password.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={password === ''}>
            {t('password.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
