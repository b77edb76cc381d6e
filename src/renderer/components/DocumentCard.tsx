import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../shared/documents';
import { estimateRequest } from '../../shared/estimate';
import { formatDay, formatNumber, formatPageList, formatPercent } from '../../shared/format';
import type { Language } from '../../shared/language';
import { providerPresets } from '../../shared/provider-presets';
import type { ProviderConfig } from '../../shared/providers';
import { ContextGauge } from './ContextGauge';
import { useMoney } from './use-money';

interface DocumentCardProps {
  document: DocumentSummary;
  language: Language;
  /** The configured providers; before there are any, the presets' list prices. */
  providers: readonly ProviderConfig[];
  selected: boolean;
  onToggleSelected(): void;
  onOpen(): void;
  /** Where the document is filed, and the control to move it. */
  matterControl?: ReactNode;
}

/** What a lawyer needs to know of a document before asking about it: size, what was left out, what a question costs. */
export function DocumentCard({
  document: doc,
  language,
  providers,
  selected,
  onToggleSelected,
  onOpen,
  matterControl,
}: DocumentCardProps) {
  const { t } = useTranslation();
  const n = (value: number) => formatNumber(value, language);
  const money = useMoney();
  const priced = providers.length > 0 ? providers : providerPresets.filter((provider) => provider.id !== 'custom');
  const estimates = priced.flatMap((provider) =>
    provider.models.map((model) => ({
      providerName: provider.name,
      model,
      ...estimateRequest([doc], '', language, model),
    })),
  );
  const checkedOn = estimates[0]?.model.checkedOn ?? '';

  return (
    <article className="card" aria-labelledby={`doc-${doc.sha256}`}>
      <header className="card__header">
        <div>
          <h3 id={`doc-${doc.sha256}`} className="card__title">
            {doc.name}
          </h3>
          <p className="card__meta">
            {[
              t(`documents.kinds.${doc.kind}`),
              doc.pages !== null ? t('documents.pages', { count: doc.pages, n: n(doc.pages) }) : null,
              t('documents.chars', { count: doc.chars, n: n(doc.chars) }),
              t(`documents.languages.${doc.language}`),
              t('documents.tokens', { count: doc.tokens.o200k_base, n: n(doc.tokens.o200k_base) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <div className="card__actions">
          {matterControl}
          <label className="choice">
            <input type="checkbox" checked={selected} onChange={onToggleSelected} />
            {t('ask.include')}
          </label>
          <button type="button" className="button" onClick={onOpen}>
            {t('documents.open')}
          </button>
        </div>
      </header>

      {doc.warnings.map((warning) => (
        <p key={warning.kind} className="notice notice--warning">
          {warning.kind === 'pages-lost'
            ? t('documents.pagesLost', { pages: formatPageList(warning.pages) })
            : t('documents.pagesWithoutText', { pages: formatPageList(warning.pages) })}
        </p>
      ))}

      <table className="estimates">
        <caption>{t('documents.estimateTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.estimateModel')}</th>
            <th scope="col">{t('documents.estimateContext')}</th>
            <th scope="col" className="numeric">
              {t('documents.estimateTokens')}
            </th>
            <th scope="col" className="numeric">
              {t('documents.estimateCost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {estimates.map((estimate) => (
            <tr key={`${estimate.providerName}/${estimate.model.model}`}>
              <th scope="row">
                <span className="estimates__provider">{estimate.providerName}</span>
                <span className="estimates__model">{estimate.model.model}</span>
              </th>
              <td>
                <div className="estimates__fill">
                  <ContextGauge
                    fill={estimate.fill}
                    fits={estimate.fits}
                    label={`${estimate.model.model}: ${formatPercent(estimate.fill, language)}`}
                  />
                  <span>{estimate.fits ? formatPercent(estimate.fill, language) : t('documents.tooLong')}</span>
                </div>
              </td>
              <td className="numeric" title={estimate.estimated ? t('documents.approx') : undefined}>
                {estimate.estimated ? '≈ ' : ''}
                {n(estimate.tokens)}
              </td>
              <td className="numeric">{money(estimate.cost, estimate.model.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="card__footnote">
        {t('documents.approx')} {t('documents.pricesChecked', { date: formatDay(checkedOn, language) })}
      </p>
    </article>
  );
}
