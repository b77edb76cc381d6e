import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AskInput } from '../../shared/answers';
import { inBackground } from '../failures';
import { useAsk } from '../stores/ask-store';

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

  function send(text: string) {
    const { documentIds, providerId, model, matterId } = thread;
    inBackground(ask({ documentIds, providerId, model, question: text, follows, ...(matterId ? { matterId } : {}) }));
    onAsked?.();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (question.trim() === '') return;
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
      <button type="submit" className="button button--primary" disabled={question.trim() === ''}>
        {t('ask.followUpSubmit')}
      </button>
    </form>
  );
}
