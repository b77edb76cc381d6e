import { useTranslation } from 'react-i18next';
import type { CitationCheck, Verdict } from '../../shared/answers';
import { formatPageList } from '../../shared/format';
import type { CitationLink } from './use-open-citation';

const ORDER: [Verdict, 'verified' | 'wrongPage' | 'wrongClause' | 'notFound' | 'noQuote'][] = [
  ['verified', 'verified'],
  ['wrong-page', 'wrongPage'],
  ['wrong-clause', 'wrongClause'],
  ['not-found', 'notFound'],
  ['no-quote', 'noQuote'],
];

/**
 * Above an answer: its citations as checked against the documents, counted
 * ("12 trích dẫn: 10 khớp, 1 sai trang, 1 không tìm thấy"), then each one that
 * did not check out, with why, and a button to the place it points to (or where
 * its quote really stands). A quote found nowhere is shown in red.
 */
export function CitationChecks({
  text,
  checks,
  onCite,
}: {
  text: string;
  checks: readonly CitationCheck[] | null;
  onCite(citation: CitationLink): void;
}) {
  const { t } = useTranslation();
  if (!checks || checks.length === 0) return null;
  const counts = ORDER.map(([verdict, key]) => [key, checks.filter((c) => c.verdict === verdict).length] as const)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => t(`citations.${key}`, { n }));
  const problems = checks.filter((c) => c.verdict !== 'verified' && c.verdict !== 'no-quote');
  return (
    <section className="citation-checks" aria-label={t('citations.label')}>
      <p className="citation-checks__summary" data-testid="citation-summary">
        {t('citations.summary', { count: checks.length, counts: counts.join(', ') })}
      </p>
      {problems.length > 0 && (
        <ul className="citation-checks__list">
          {problems.map((check) => (
            <li key={check.start} className={`citation-check citation-check--${check.verdict}`}>
              <button
                type="button"
                className="citation"
                onClick={() =>
                  onCite({
                    page: check.page,
                    clause: check.clause,
                    document: null,
                    documentIndex: null,
                    ...(check.document ? { sha256: check.document } : {}),
                  })
                }
              >
                {text.slice(check.start, check.end)}
              </button>{' '}
              {check.quote && <q className="citation-check__quote">{short(check.quote)}</q>}{' '}
              <span className="citation-check__reason">{reason(check, t)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function short(quote: string): string {
  return quote.length > 160 ? `${quote.slice(0, 157).trimEnd()}…` : quote;
}

function reason(check: CitationCheck, t: ReturnType<typeof useTranslation>['t']): string {
  if (check.verdict === 'wrong-page') {
    return t('citations.wrongPageReason', { pages: formatPageList(check.foundPages), page: check.page ?? '' });
  }
  if (check.verdict === 'wrong-clause') {
    return t('citations.wrongClauseReason', { found: check.foundIn.join(', ') || '—', clause: check.clause ?? '' });
  }
  if (!check.quote)
    return t('citations.notFoundPlace', {
      place: [check.page ? `tr. ${check.page}` : '', check.clause ?? ''].filter(Boolean).join(', '),
    });
  return t('citations.notFoundReason');
}
