import { useTranslation } from 'react-i18next';

/** Every keyboard shortcut of the window, in one place (Settings). */
const SHORTCUTS = [
  ['Ctrl+F', 'find'],
  ['Esc', 'back'],
  ['Ctrl+Enter', 'ask'],
  ['Tab', 'skip'],
  ['← →', 'split'],
] as const;

export function ShortcutsSection() {
  const { t } = useTranslation();
  return (
    <section className="field" aria-labelledby="shortcuts-heading">
      <h3 id="shortcuts-heading">{t('shortcuts.title')}</h3>
      <dl className="facts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcuts__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(`shortcuts.${what}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
