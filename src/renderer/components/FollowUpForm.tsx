import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AskInput } from '../../shared/answers';
import { estimatedThread, estimateRequest } from '../../shared/estimate';
import { inBackground } from '../failures';
import { modelChoices } from '../model-choices';
import { useAsk } from '../stores/ask-store';
import { useDocuments } from '../stores/documents-store';
import { useProviders } from '../stores/providers-store';
import { useSettings } from '../stores/settings-store';
import { EstimateLine } from './EstimateLine';
import { useThread } from './use-thread';

/**
 * A follow-up question on the same documents, with the same model, in the
 * thread of the answer above: main sends the thread's first message (the
 * documents) unchanged, so a provider that caches a prompt's start bills it as
 * cached input. `onAsked` runs once the question is sent (a saved analysis
 * gives way to the live answer).
 */
export function FollowUpForm({
  follows,
  thread,
  cutOff = false,
  onAsked,
}: {
  follows: string;
  /** The answer above stopped at the output limit: a button asks the model to go on. */
  cutOff?: boolean;
  thread: Pick<AskInput, 'documentIds' | 'providerId' | 'model'> & { matterId?: string | null | undefined };
  onAsked?: () => void;
}) {
  const { t } = useTranslation();
  const ask = useAsk((state) => state.ask);
  const [question, setQuestion] = useState('');
  const id = useId();
  const estimate = useFollowUpEstimate(follows, thread, question);
  const fits = estimate?.fits !== false;

  function send(text: string) {
    const { documentIds, providerId, model, matterId } = thread;
    inBackground(ask({ documentIds, providerId, model, question: text, follows, ...(matterId ? { matterId } : {}) }));
    onAsked?.();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (question.trim() === '' || !fits) return;
    send(question);
    setQuestion('');
  }

  return (
    <form className="follow-up" onSubmit={submit}>
      {cutOff && (
        // An answer cut off at the output limit goes on in the same thread, from where it stopped.
        <button type="button" className="button follow-up__continue" onClick={() => send(t('ask.continueQuestion'))}>
          {t('ask.continue')}
        </button>
      )}
      <label htmlFor={id}>{t('ask.followUp', { model: thread.model })}</label>
      <textarea
        id={id}
        className="text-field follow-up__question"
        rows={2}
        value={question}
        placeholder={t('ask.followUpPlaceholder')}
        onChange={(event) => setQuestion(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
        }}
      />
      <div className="ask__row ask__footer">
        {estimate && <EstimateLine estimate={estimate} currency={estimate.currency} />}
        <button type="submit" className="button button--primary" disabled={question.trim() === '' || !fits}>
          {t('ask.followUpSubmit')}
        </button>
      </div>
    </form>
  );
}

/**
 * The follow-up's estimate as main will make it: the thread's documents, every
 * turn up to the answer above, and the question typed. Null until the thread
 * and its documents are read, or when its model is no longer configured (main
 * then says so).
 */
function useFollowUpEstimate(
  follows: string,
  thread: Pick<AskInput, 'documentIds' | 'providerId' | 'model'>,
  question: string,
) {
  const language = useSettings((state) => state.settings.language);
  const providers = useProviders((state) => state.providers);
  const documents = useDocuments((state) => state.documents);
  const turns = useThread(follows);
  const model = modelChoices(providers).find(
    (choice) => choice.provider.id === thread.providerId && choice.model.model === thread.model,
  )?.model;
  const sent = thread.documentIds.flatMap((sha256) => documents.filter((doc) => doc.sha256 === sha256));
  if (!model || sent.length !== thread.documentIds.length || turns.at(-1)?.id !== follows) return null;
  return { ...estimateRequest(sent, question, language, model, estimatedThread(turns)), currency: model.currency };
}
