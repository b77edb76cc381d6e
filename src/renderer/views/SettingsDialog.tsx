import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/contract';
import { type Language, languageSchema } from '../../shared/language';
import { themeSchema } from '../../shared/settings';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { ErrorNotice } from '../components/ErrorNotice';
import { useModalDialog } from '../components/use-modal-dialog';
import { inBackground } from '../failures';
import { useSettings } from '../stores/settings-store';
import { BackupSection } from './BackupSection';
import { ProvidersSection } from './ProvidersSection';
import { ShortcutsSection } from './ShortcutsSection';
import { VndRateSection } from './VndRateSection';

const languageNames: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

interface SettingsDialogProps {
  open: boolean;
  appInfo: AppInfo | null;
  onClose(): void;
}

/** A modal dialog (native `<dialog>`: focus stays inside, Escape closes it). */
export function SettingsDialog({ open, appInfo, onClose }: SettingsDialogProps) {
  const { t } = useTranslation();
  const settings = useSettings((state) => state.settings);
  const keyStorage = useSettings((state) => state.keyStorage);
  const error = useSettings((state) => state.error);
  const change = useSettings((state) => state.change);
  const refreshKeyStorage = useSettings((state) => state.refreshKeyStorage);

  const dialog = useModalDialog(open, () => inBackground(refreshKeyStorage()));

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="settings-title" onClose={onClose}>
      <header className="dialog__header">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('settings.close')}
        </button>
      </header>

      <ChoiceGroup
        legend={t('settings.language')}
        name="language"
        options={languageSchema.options}
        value={settings.language}
        labelOf={(language) => languageNames[language]}
        langOf={(language) => language}
        onChange={(language) => inBackground(change({ key: 'language', value: language }))}
      />

      <ChoiceGroup
        legend={t('settings.theme')}
        name="theme"
        options={themeSchema.options}
        value={settings.theme}
        labelOf={(theme) => t(`settings.themes.${theme}`)}
        onChange={(theme) => inBackground(change({ key: 'theme', value: theme }))}
      />

      <ProvidersSection open={open} />

      <VndRateSection />

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
              onChange={(event) =>
                inBackground(change({ key: 'acceptWeakKeyStorage', value: event.currentTarget.checked }))
              }
            />
            {t('settings.acceptWeak')}
          </label>
        )}
      </fieldset>

      {error && <ErrorNotice lead={t('settings.saveFailed')} error={error} />}

      <BackupSection />

      <ShortcutsSection />

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
