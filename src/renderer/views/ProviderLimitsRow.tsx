import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderLimitsConfig } from '../../shared/providers';

/** The limits as typed: empty is "not set". */
export interface LimitsDraft {
  concurrency: string;
  requestsPerMinute: string;
  tokensPerMinute: string;
}

export function limitsDraft(limits: ProviderLimitsConfig | undefined): LimitsDraft {
  return {
    concurrency: limits ? String(limits.concurrency) : '',
    requestsPerMinute: limits?.requestsPerMinute ? String(limits.requestsPerMinute) : '',
    tokensPerMinute: limits?.tokensPerMinute ? String(limits.tokensPerMinute) : '',
  };
}

/** What is saved: nothing when no field is set (LexDesk's default), else the three, unset minute limits as none. */
export function limitsOf(draft: LimitsDraft): ProviderLimitsConfig | undefined {
  const whole = (typed: string) => {
    const value = Number(typed.trim());
    return typed.trim() !== '' && Number.isInteger(value) && value > 0 ? value : null;
  };
  const concurrency = whole(draft.concurrency);
  const requestsPerMinute = whole(draft.requestsPerMinute);
  const tokensPerMinute = whole(draft.tokensPerMinute);
  if (concurrency === null && requestsPerMinute === null && tokensPerMinute === null) return undefined;
  return { concurrency: concurrency ?? 4, requestsPerMinute, tokensPerMinute };
}

/**
 * The provider's own limits, from its price or tier page: requests at once,
 * requests and tokens a minute. Every request LexDesk makes to it waits its
 * turn within them; a 429 with Retry-After pauses it for every request.
 */
export function ProviderLimitsRow({ value, onChange }: { value: LimitsDraft; onChange(next: LimitsDraft): void }) {
  const { t } = useTranslation();
  const id = useId();
  const fields = [
    ['concurrency', t('providers.limits.concurrency'), '4'],
    ['requestsPerMinute', t('providers.limits.requestsPerMinute'), '—'],
    ['tokensPerMinute', t('providers.limits.tokensPerMinute'), '—'],
  ] as const;
  return (
    <fieldset className="provider__limits">
      <legend>{t('providers.limits.title')}</legend>
      {fields.map(([field, label, placeholder]) => (
        <span key={field} className="provider__limit">
          <label htmlFor={`${id}-${field}`}>{label}</label>
          <input
            id={`${id}-${field}`}
            className="text-field provider__context"
            inputMode="numeric"
            placeholder={placeholder}
            value={value[field]}
            onChange={(event) => onChange({ ...value, [field]: event.currentTarget.value })}
          />
        </span>
      ))}
      <p className="field__text">{t('providers.limits.hint')}</p>
    </fieldset>
  );
}
