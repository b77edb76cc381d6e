import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UNFILED, useHistory } from '../stores/history-store';

interface MatterSelectProps {
  label: string;
  /** A matter id, or UNFILED. */
  value: string;
  onChange(key: string): void;
  disabled?: boolean;
}

/** A labelled choice of matter, "not in a matter" first. */
export function MatterSelect({ label, value, onChange, disabled = false }: MatterSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const matters = useHistory((state) => state.matters);
  return (
    <span className="matter-select">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="text-field"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value={UNFILED}>{t('matters.unfiled')}</option>
        {matters.map((matter) => (
          <option key={matter.id} value={matter.id}>
            {matter.name}
          </option>
        ))}
      </select>
    </span>
  );
}
