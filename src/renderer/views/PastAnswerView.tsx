import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Answer, isCutOff } from '../../shared/answers';
import type { AppErrorData } from '../../shared/errors';
import { formatDateTime, formatNumber, formatSeconds } from '../../shared/format';
import { api } from '../api';
import { AnswerText } from '../components/AnswerText';
import { CitationChecks } from '../components/CitationChecks';
import { ErrorNotice } from '../components/ErrorNotice';
import { AnswerExportButtons } from '../components/ExportButtons';
import { FollowUpForm } from '../components/FollowUpForm';
import { MatterSelect } from '../components/MatterSelect';
import { PlanNotice } from '../components/PlanNotice';
import { useMoney } from '../components/use-money';
import { useOpenCitation } from '../components/use-open-citation';
import { useThread } from '../components/use-thread';
import { inBackground } from '../failures';
import { useAsk } from '../stores/ask-store';
import { useDocuments } from '../stores/documents-store';
import { toErrorData } from '../stores/errors';
import { UNFILED, useHistory } from '../stores/history-store';
import { useSettings } from '../stores/settings-store';

/** A past analysis, read from the database with no network; its documents open from LexDesk's own copies. */
export function PastAnswerView({ answerId }: { answerId: string }) {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const documents = useDocuments((state) => state.documents);
  const openDocument = useDocuments((state) => state.open);
  const openAnswer = useHistory((state) => state.openAnswer);
  const ask = useAsk((state) => state.ask);
  const move = useHistory((state) => state.move);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const openCitation = useOpenCitation(answer?.documentIds ?? [], answer?.citations ?? null);
  const money = useMoney();

  useEffect(() => {
    inBackground(api.answers.get({ answerId }).then(setAnswer, (caught: unknown) => setError(toErrorData(caught))));
  }, [answerId]);
  const earlier = useThread(answer?.follows ?? null);

  if (error) return <ErrorNotice error={error} />;
  if (!answer) return <p className="viewer__loading">{t('viewer.loading')}</p>;
  const n = (value: number) => formatNumber(value, language);

  return (
    <article className="card analysis" aria-labelledby="analysis-question">
      <header className="card__header">
        <button type="button" className="button" onClick={() => openAnswer(null)}>
          {t('viewer.back')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            openAnswer(null);
            inBackground(
              ask({
                documentIds: answer.documentIds,
                providerId: answer.providerId,
                model: answer.model,
                question: answer.question,
                fresh: true,
                matterId: answer.matterId,
              }),
            );
          }}
        >
          {t('ask.againWith', { model: answer.model })}
        </button>
        <AnswerExportButtons answerId={answerId} />
        <MatterSelect
          label={t('matters.moveTo')}
          value={answer.matterId ?? UNFILED}
          onChange={(key) =>
            inBackground(
              move(key, { answerIds: [answer.id] }).then(() =>
                setAnswer({ ...answer, matterId: key === UNFILED ? null : key }),
              ),
            )
          }
        />
      </header>
      {earlier.length > 0 && (
        <details className="thread">
          <summary>{t('ask.inThread', { count: earlier.length })}</summary>
          <ol className="thread__turns" aria-label={t('ask.earlier')}>
            {earlier.map((turn) => (
              <li key={turn.id}>
                <h3 className="thread__question">{turn.question}</h3>
                <AnswerText text={turn.text} onCite={openCitation} />
              </li>
            ))}
          </ol>
        </details>
      )}
      <h2 id="analysis-question" className="answer__question">
        {answer.question}
      </h2>
      <dl className="facts">
        <dt>{t('history.model')}</dt>
        <dd>
          {answer.providerName} / {answer.model}
        </dd>
        <dt>{t('history.date')}</dt>
        <dd>{formatDateTime(answer.createdAt, language)}</dd>
        <dt>{t('history.status')}</dt>
        <dd>{t(`ask.status.${isCutOff(answer) ? 'cutOff' : answer.status}`)}</dd>
        <dt>{t('ask.counters.input')}</dt>
        <dd>
          {answer.usage ? n(answer.usage.input) : `≈ ${n(answer.estimatedInput)}`}
          {answer.usage && answer.usage.cachedInput > 0
            ? ` (${n(answer.usage.cachedInput)} ${t('history.cachedTokens')})`
            : ''}
        </dd>
        <dt>{t('ask.counters.output')}</dt>
        <dd>{answer.usage ? n(answer.usage.output) : '—'}</dd>
        <dt>{t('ask.counters.cost')}</dt>
        <dd>
          {answer.usage ? '' : '≈ '}
          {money(answer.cost ?? 0, answer.currency)}
        </dd>
        <dt>{t('history.latency')}</dt>
        <dd>{answer.latencyMs === null ? '—' : t('ask.seconds', { n: formatSeconds(answer.latencyMs, language) })}</dd>
        <dt>{t('history.documents')}</dt>
        <dd>
          {answer.documentIds.map((sha256) => (
            <button
              key={sha256}
              type="button"
              className="button button--quiet"
              // Beside the analysis, not in its place.
              onClick={() => openDocument(sha256)}
            >
              {documents.find((doc) => doc.sha256 === sha256)?.name ?? sha256.slice(0, 12)}
            </button>
          ))}
        </dd>
      </dl>
      {answer.error && <ErrorNotice error={answer.error} />}
      <PlanNotice plan={answer.plan} />
      <CitationChecks text={answer.text} checks={answer.citations} onCite={openCitation} />
      <AnswerText text={answer.text} onCite={openCitation} />
      {isCutOff(answer) && (
        <p className="notice notice--warning" role="status">
          {t('ask.cutOff', { tokens: n(answer.usage?.output ?? 0) })}
        </p>
      )}
      {answer.text !== '' && (
        <FollowUpForm follows={answer.id} thread={answer} cutOff={isCutOff(answer)} onAsked={() => openAnswer(null)} />
      )}
    </article>
  );
}
