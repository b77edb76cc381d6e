import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/contract';
import { type Language, languageSchema } from '../../shared/language';
import { themeSchema } from '../../shared/settings';
import { useSettings } from '../stores/settings-store';

const languageNames: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

interface SettingsDialogProps {
  open: boolean;
  appInfo: AppInfo | null;
  onClose(): void;
}

/** A modal dialog (native `<dialog>`: focus stays inside, Escape closes it). */
export function SettingsDialog({ open, appInfo, onClose }: SettingsDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const settings = useSettings((state) => state.settings);
  const keyStorage = useSettings((state) => state.keyStorage);
  const error = useSettings((state) => state.error);
  const change = useSettings((state) => state.change);
  const refreshKeyStorage = useSettings((state) => state.refreshKeyStorage);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      void refreshKeyStorage();
    }
    if (!open && element.open) element.close();
  }, [open, refreshKeyStorage]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="settings-title" onClose={onClose}>
      <header className="dialog__header">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('settings.close')}
        </button>
      </header>

      <fieldset className="field">
        <legend>{t('settings.language')}</legend>
        {languageSchema.options.map((language) => (
          <label key={language} className="choice" lang={language}>
            <input
              type="radio"
              name="language"
              value={language}
              checked={settings.language === language}
              onChange={() => void change({ key: 'language', value: language })}
            />
            {languageNames[language]}
          </label>
        ))}
      </fieldset>

      <fieldset className="field">
        <legend>{t('settings.theme')}</legend>
        {themeSchema.options.map((theme) => (
          <label key={theme} className="choice">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => void change({ key: 'theme', value: theme })}
            />
            {t(`settings.themes.${theme}`)}
          </label>
        ))}
      </fieldset>

      <fieldset className="field">
        <legend>{t('settings.keysTitle')}</legend>
        {keyStorage && (
          <p className={keyStorage.backend === 'basic-text' ? 'notice notice--warning' : 'field__text'}>
            {t(`settings.keys.${keyStorage.backend}`)}
          </p>
        )}
        {keyStorage?.backend === 'basic-text' && (
          <label className="choice">
            <input
              type="checkbox"
              checked={settings.acceptWeakKeyStorage}
              onChange={(event) => void change({ key: 'acceptWeakKeyStorage', value: event.currentTarget.checked })}
            />
            {t('settings.acceptWeak')}
          </label>
        )}
      </fieldset>

      {error && (
        <p className="notice notice--error" role="alert">
          {t('settings.saveFailed', { message: error.message })}
        </p>
      )}

      <section className="field" aria-labelledby="about-heading">
        <h3 id="about-heading">{t('settings.about')}</h3>
        {appInfo && (
          <dl className="facts">
            <dt>{t('app.name')}</dt>
            <dd>{t('settings.version', { version: appInfo.version })}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd>
              <code>{appInfo.dataDir}</code>
            </dd>
          </dl>
        )}
        <p className="field__text">{t('settings.privacy')}</p>
      </section>
    </dialog>
  );
}
