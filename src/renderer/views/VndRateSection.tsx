import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../../shared/format';
import { inBackground } from '../failures';
import { useSettings } from '../stores/settings-store';

/** Settings → costs in đồng: the lawyer's own rate, dated by them; LexDesk looks nothing up. */
export function VndRateSection() {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const rate = useSettings((state) => state.settings.vndRate);
  const change = useSettings((state) => state.change);
  const ids = { rate: useId(), day: useId() };
  const [perUsd, setPerUsd] = useState(rate ? String(rate.perUsd) : '');
  const [day, setDay] = useState(rate?.checkedOn ?? new Date().toISOString().slice(0, 10));
  const value = Number(perUsd.replace(/[.,\s]/gu, ''));
  const valid = Number.isFinite(value) && value > 0 && value <= 1_000_000 && /^\d{4}-\d{2}-\d{2}$/.test(day);

  function save(event: FormEvent) {
    event.preventDefault();
    if (valid) inBackground(change({ key: 'vndRate', value: { perUsd: value, checkedOn: day } }));
  }

  return (
    <form className="field" aria-labelledby="vnd-heading" onSubmit={save}>
      <h3 id="vnd-heading">{t('settings.vndTitle')}</h3>
      <p className="field__text">
        {rate
          ? t('settings.vndSet', {
              rate: formatNumber(rate.perUsd, language),
              date: formatDay(rate.checkedOn, language),
            })
          : t('settings.vndNone')}
      </p>
      <div className="inline-form">
        <label htmlFor={ids.rate}>{t('settings.vndRate')}</label>
        <input
          id={ids.rate}
          className="text-field provider__context"
          inputMode="numeric"
          value={perUsd}
          onChange={(event) => setPerUsd(event.currentTarget.value)}
        />
        <label htmlFor={ids.day}>{t('settings.vndDay')}</label>
        <input
          id={ids.day}
          type="date"
          className="text-field"
          value={day}
          onChange={(event) => setDay(event.currentTarget.value)}
        />
        <button type="submit" className="button" disabled={!valid}>
          {t('settings.vndSave')}
        </button>
        {rate && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => inBackground(change({ key: 'vndRate', value: null }))}
          >
            {t('settings.vndClear')}
          </button>
        )}
      </div>
    </form>
  );
}
