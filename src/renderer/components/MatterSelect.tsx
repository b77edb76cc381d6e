import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UNFILED, useHistory } from '../stores/history-store';

/** The choice that filters nothing, where a select filters by matter. */
export const ALL_MATTERS = '*';

interface MatterSelectProps {
  label: string;
  /** A matter id, UNFILED, or ALL_MATTERS where `allLabel` is given. */
  value: string;
  onChange(key: string): void;
  disabled?: boolean;
  /** Offers ALL_MATTERS first, under this label. */
  allLabel?: string;
}

/** A labelled choice of matter: "not in a matter" first (after "all", for a filter), then the matters by name. */
export function MatterSelect({ label, value, onChange, disabled = false, allLabel }: MatterSelectProps) {
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
        {allLabel && <option value={ALL_MATTERS}>{allLabel}</option>}
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
