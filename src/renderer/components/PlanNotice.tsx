import { useTranslation } from 'react-i18next';
import type { AnswerPlan } from '../../shared/answers';
import { formatNumber, formatPageList, formatPercent } from '../../shared/format';
import { useSettings } from '../stores/settings-store';

/**
 * Above an answer that was read by a plan: what it read; when parts failed,
 * or only the passages chosen were sent, that it is partial and which pages
 * it lacks. Nothing for an answer read whole.
 */
export function PlanNotice({ plan }: { plan: AnswerPlan | null }) {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  if (!plan) return null;
  if (plan.failedParts.length > 0) {
    const pages = formatPageList(plan.failedParts.flatMap((part) => part.pages));
    return (
      <p className="notice notice--warning" role="status" data-testid="plan-partial">
        {t('ask.coverage.partial', { failed: plan.failedParts.length, parts: plan.parts, pages })}
      </p>
    );
  }
  if (plan.strategy === 'focused') {
    const left = plan.coverage.pagesLeftOut.flatMap((doc) => doc.pages);
    const share = formatPercent(plan.coverage.charsSent / Math.max(1, plan.coverage.chars), language);
    if (left.length === 0) {
      return (
        <p className="notice notice--warning" role="status" data-testid="plan-partial">
          {t('ask.coverage.focusedText', { parts: plan.parts, share })}
        </p>
      );
    }
    // The counts in the sentence; the pages themselves (often a long list) a click away.
    return (
      <div className="notice notice--warning" role="status" data-testid="plan-partial">
        <p>
          {t('ask.coverage.focused', {
            parts: plan.parts,
            share,
            sent: formatNumber(plan.coverage.pages - left.length, language),
            left: formatNumber(left.length, language),
          })}
        </p>
        <details>
          <summary>{t('ask.coverage.pagesLeftOut')}</summary>
          <p data-testid="pages-left-out">{formatPageList(left)}</p>
        </details>
      </div>
    );
  }
  return (
    <p className="notice" role="status" data-testid="plan-coverage">
      {plan.coverage.pages > 0
        ? t('ask.coverage.full', { pages: formatNumber(plan.coverage.pages, language), parts: plan.parts })
        : t('ask.coverage.fullText', { parts: plan.parts })}
    </p>
  );
}

/** While a map-reduce answer reads its parts: how many are read, and failed, of all. */
export function PartsProgress({ parts }: { parts: { done: number; failed: number; total: number } | null }) {
  const { t } = useTranslation();
  if (!parts) return null;
  const read = parts.done + parts.failed;
  return (
    <p className="answer__parts" role="status" data-testid="parts-progress">
      {read === parts.total
        ? t('ask.joining', { total: parts.total })
        : parts.failed > 0
          ? t('ask.partsFailed', { done: read, total: parts.total, failed: parts.failed })
          : t('ask.parts', { done: read, total: parts.total })}
      <progress max={parts.total} value={read} aria-hidden="true" />
    </p>
  );
}
