import { useTranslation } from 'react-i18next';
import type { InputEstimate } from '../../shared/estimate';
import { formatNumber, formatPercent } from '../../shared/format';
import { useSettings } from '../stores/settings-store';
import { useMoney } from './use-money';

/**
 * What a question will send and cost before it goes, or by how much it is
 * too long for the model: the figures main's refusal would state, from the
 * same `estimateRequest`. Null: no documents to estimate yet.
 */
export function EstimateLine({
  estimate,
  currency,
  empty,
}: {
  estimate: InputEstimate | null;
  currency: string;
  /** What to say while there is nothing to estimate. */
  empty?: string;
}) {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const money = useMoney();
  const n = (value: number) => formatNumber(value, language);
  return (
    <p className={estimate && !estimate.fits ? 'ask__estimate ask__estimate--over' : 'ask__estimate'} role="status">
      {estimate === null
        ? (empty ?? '')
        : estimate.fits
          ? t('ask.estimate', {
              tokens: n(estimate.tokens),
              cost: money(estimate.cost, currency),
              fill: formatPercent(estimate.fill, language),
            })
          : t('ask.tooLong', { tokens: n(estimate.tokens), over: n(estimate.over) })}
    </p>
  );
}
