import { formatMoney } from '../../shared/format';
import { useSettings } from '../stores/settings-store';

/** Costs as this window shows them: the provider's currency, and đồng at the lawyer's rate where one is set. */
export function useMoney(): (amount: number, currency: string) => string {
  const language = useSettings((state) => state.settings.language);
  const rate = useSettings((state) => state.settings.vndRate);
  return (amount, currency) => formatMoney(amount, currency, language, rate);
}
