import { useTranslation } from 'react-i18next';
import { isCutOff } from '../../shared/answers';
import { formatNumber } from '../../shared/format';
import { AnswerCounters } from '../components/AnswerCounters';
import { AnswerText } from '../components/AnswerText';
import { CitationChecks } from '../components/CitationChecks';
import { ErrorNotice } from '../components/ErrorNotice';
import { AnswerExportButtons } from '../components/ExportButtons';
import { FollowUpForm } from '../components/FollowUpForm';
import { PartsProgress, PlanNotice } from '../components/PlanNotice';
import { useOpenCitation } from '../components/use-open-citation';
import { inBackground } from '../failures';
import { chosenModel, modelChoices } from '../model-choices';
import { isRunning, shownAnswer, useAsk } from '../stores/ask-store';
import { useProviders } from '../stores/providers-store';
import { useSettings } from '../stores/settings-store';

/** The answer as it streams: Markdown (raw HTML is never rendered), live counters, Stop, and what went wrong. */
export function AnswerView() {
  const { t } = useTranslation();
  const live = useAsk(shownAnswer);
  const stop = useAsk((state) => state.stop);
  const ask = useAsk((state) => state.ask);
  const language = useSettings((state) => state.settings.language);
  const providers = useProviders((state) => state.providers);
  const draftChoice = useAsk((state) => state.draft.choice);
  const openCitation = useOpenCitation(live?.input.documentIds ?? [], live?.citations ?? null);
  if (!live) return null;
  // Asked again with the model the picker shows now, which the button names.
  const picked = chosenModel(modelChoices(providers), draftChoice);
  const again = picked
    ? { ...live.input, providerId: picked.provider.id, model: picked.model.model, fresh: true }
    : { ...live.input, fresh: true };
  const running = isRunning(live);

  return (
    <section className="card answer" aria-labelledby="answer-heading" aria-busy={running}>
      <header className="card__header">
        <div>
          <h2 id="answer-heading" className="answer__question">
            {live.input.question}
          </h2>
          <p className="answer__status" role="status">
            {t(`ask.status.${isCutOff(live) ? 'cutOff' : live.status}`)}
          </p>
        </div>
        {running ? (
          <button type="button" className="button button--danger" onClick={() => inBackground(stop())}>
            {t('ask.stop')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => inBackground(ask(again))}>
            {t('ask.againWith', { model: again.model })}
          </button>
        )}
      </header>
      {live.started?.cached && (
        <p className="notice" role="status">
          {t('history.fromCache')}
        </p>
      )}
      <AnswerCounters live={live} currency={live.started?.currency ?? 'USD'} language={language} />
      {running && <PartsProgress parts={live.parts} />}
      {!running && <PlanNotice plan={live.plan} />}
      <CitationChecks text={live.text} checks={live.citations} onCite={openCitation} />
      {live.retry && (
        <p className="notice notice--warning" role="status" data-testid="retry-countdown">
          {t(live.retry.reason === 'RATE_LIMITED' ? 'ask.retryRateLimited' : 'ask.retryUnavailable', {
            seconds: live.retry.secondsLeft,
            attempt: live.retry.attempt,
            max: live.retry.maxAttempts,
          })}
        </p>
      )}
      {live.error && <ErrorNotice error={live.error} />}
      {live.text !== '' && <AnswerText text={live.text} onCite={openCitation} />}
      {!running && live.started && (
        // Copied and exported as a saved analysis is: the answer's row is stored, whole, once it has ended.
        <div className="answer__export">
          <AnswerExportButtons answerId={live.started.answerId} />
        </div>
      )}
      {isCutOff(live) && (
        <p className="notice notice--warning" role="status" data-testid="cut-off">
          {t('ask.cutOff', { tokens: formatNumber(live.outputTokens, language) })}
        </p>
      )}
      {!running && live.started && (
        <FollowUpForm follows={live.started.answerId} thread={live.input} cutOff={isCutOff(live)} />
      )}
    </section>
  );
}
