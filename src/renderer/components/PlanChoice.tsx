import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../shared/format';
import type { Plan, PlannedQuestion } from '../../shared/plans';
import { api } from '../api';
import { useSettings } from '../stores/settings-store';
import { useMoney } from './use-money';

/** A plan as the panel lists it and the ask picks it: by its strategy and model. */
export const planKey = (plan: Pick<Plan, 'strategy' | 'providerId' | 'model'>) =>
  `${plan.strategy}/${plan.providerId}/${plan.model}`;

/**
 * The plans main makes for documents past the model's window, while the
 * question is typed (a little after the last key): each with its input, its
 * requests, its cost and what it reads. Null while there is nothing to plan.
 */
export function usePlans(input: {
  documentIds: string[];
  providerId: string;
  model: string;
  question: string;
  wanted: boolean;
}): PlannedQuestion | null {
  const [planned, setPlanned] = useState<PlannedQuestion | null>(null);
  const { documentIds, providerId, model, question, wanted } = input;
  const documents = documentIds.join();
  useEffect(() => {
    if (!wanted) {
      setPlanned(null);
      return;
    }
    let current = true;
    // The plans change little with the question's words; the documents and the model are what matter.
    const timer = setTimeout(() => {
      api.ask.plan({ documentIds: documents.split(','), providerId, model, question, strategy: 'auto' }).then(
        (result) => {
          if (current) setPlanned(result);
        },
        () => {
          if (current) setPlanned(null);
        },
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [documents, providerId, model, question, wanted]);
  return planned;
}

/** The plans to choose from, the recommended one first chosen; `onChange` gets the plan picked. */
export function PlanChoice({
  planned,
  value,
  onChange,
}: {
  planned: PlannedQuestion;
  value: string | null;
  onChange(plan: Plan): void;
}) {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const money = useMoney();
  const name = useId();
  const choices = planned.plans.filter((plan) => plan.fits);
  const whole = planned.plans[0];
  if (choices.length === 0) return null;
  return (
    <fieldset className="plans">
      <legend>{t('ask.plans.intro', { model: whole?.model ?? '' })}</legend>
      {choices.map((plan) => {
        const key = planKey(plan);
        const recommended = planned.chosen !== null && planKey(planned.chosen) === key;
        return (
          <label key={key} className="plans__option">
            <input type="radio" name={name} checked={value === key} onChange={() => onChange(plan)} />
            <span>
              <span className="plans__title">
                {plan.strategy === 'map-reduce'
                  ? t('ask.plans.mapReduce', { parts: plan.chunks.length, model: plan.model })
                  : plan.strategy === 'focused'
                    ? t('ask.plans.focused', { parts: plan.chunks.length, model: plan.model })
                    : t('ask.plans.whole', { model: plan.model })}
                {recommended && (
                  <span className="plans__recommended">
                    {' · '}
                    {planned.reason === 'best-partial' ? t('ask.plans.recommendedPartial') : t('ask.plans.recommended')}
                  </span>
                )}
              </span>
              <span className="plans__facts">
                {t('ask.plans.facts', {
                  tokens: formatNumber(plan.estimate.input, language),
                  calls: plan.estimate.calls,
                  cost: money(plan.estimate.cost, plan.estimate.currency),
                })}
                {' · '}
                <PlanReads plan={plan} />
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** What a plan reads: every page, the whole text, or its share and the pages it leaves out. */
function PlanReads({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const { coverage } = plan;
  const left = coverage.pagesLeftOut.reduce((sum, doc) => sum + doc.pages.length, 0);
  if (coverage.charsSent < coverage.chars) {
    const share = t('ask.plans.readsShare', {
      share: formatPercent(coverage.charsSent / Math.max(1, coverage.chars), language),
    });
    return (
      <span className="plans__partial">
        {left > 0 ? `${share}; ${t('ask.plans.leavesPages', { pages: formatNumber(left, language) })}` : share}
      </span>
    );
  }
  return coverage.pages > 0
    ? t('ask.plans.readsPages', { pages: formatNumber(coverage.pages, language) })
    : t('ask.plans.readsAll');
}
