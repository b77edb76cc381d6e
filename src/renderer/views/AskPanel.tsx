import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { estimateRequest } from '../../shared/estimate';
import type { Plan, PlannedQuestion } from '../../shared/plans';
import { needsSide, presetQuestion, type QuestionPreset, questionPresets, SIDES } from '../../shared/question-presets';
import { EstimateLine } from '../components/EstimateLine';
import { MatterSelect } from '../components/MatterSelect';
import { PlanChoice, planKey, usePlans } from '../components/PlanChoice';
import { inBackground } from '../failures';
import { chosenModel, modelChoices } from '../model-choices';
import { isRunning, shownAnswer, useAsk } from '../stores/ask-store';
import { useDocuments } from '../stores/documents-store';
import { UNFILED, useHistory } from '../stores/history-store';
import { useProviders } from '../stores/providers-store';
import { useSettings } from '../stores/settings-store';

/** The question: which documents, which model, what to ask, and what it will cost before it is sent. */
export function AskPanel({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const ids = { model: useId(), preset: useId(), question: useId(), side: useId() };
  const [awaitingSide, setAwaitingSide] = useState<QuestionPreset | null>(null);
  const language = useSettings((state) => state.settings.language);
  const providers = useProviders((state) => state.providers);
  const documents = useDocuments((state) => state.documents);
  const selected = useDocuments((state) => state.selected);
  const running = useAsk((state) => isRunning(shownAnswer(state)));
  const ask = useAsk((state) => state.ask);
  const currentMatterId = useHistory((state) => state.currentMatterId);
  const setCurrentMatter = useHistory((state) => state.setCurrentMatter);
  const choices = modelChoices(providers);
  const { question, choice } = useAsk((state) => state.draft);
  const setDraft = useAsk((state) => state.setDraft);
  const setChoice = (value: string) => setDraft({ choice: value });
  const setQuestion = (value: string) => setDraft({ question: value });
  const chosen = chosenModel(choices, choice);
  const selectedDocuments = documents.filter((doc) => selected.includes(doc.sha256));
  const [pickedKey, setPickedKey] = useState<string | null>(null);
  const estimate =
    chosen && selectedDocuments.length > 0
      ? estimateRequest(selectedDocuments, question, language, chosen.model)
      : null;
  const tooLong = estimate !== null && !estimate.fits;
  const planned = usePlans({
    documentIds: selectedDocuments.map((doc) => doc.sha256),
    providerId: chosen?.provider.id ?? '',
    model: chosen?.model.model ?? '',
    question,
    wanted: tooLong,
  });

  if (choices.length === 0 || !chosen) {
    return (
      <section className="card ask ask--empty" aria-labelledby="ask-heading">
        <h2 id="ask-heading" className="section-heading">
          {t('ask.title')}
        </h2>
        <p>{t('ask.noProvider')}</p>
        <button type="button" className="button button--primary" onClick={onOpenSettings}>
          {t('ask.openSettings')}
        </button>
      </section>
    );
  }

  // Past the window, the question is asked by the plan picked (the recommended one until the lawyer picks another).
  const plan = planned && estimate && !estimate.fits ? pickedPlan(planned, pickedKey) : null;
  const canAsk = !running && estimate !== null && (estimate.fits || plan !== null) && question.trim() !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canAsk || !chosen) return;
    const asked = {
      documentIds: selectedDocuments.map((doc) => doc.sha256),
      question: question.trim(),
      matterId: currentMatterId === UNFILED ? null : currentMatterId,
    };
    inBackground(
      ask(
        plan
          ? {
              ...asked,
              providerId: plan.providerId,
              model: plan.model,
              strategy: plan.strategy,
            }
          : { ...asked, providerId: chosen.provider.id, model: chosen.model.model },
      ),
    );
  }

  return (
    <form className="card ask" aria-labelledby="ask-heading" onSubmit={submit}>
      <h2 id="ask-heading" className="section-heading">
        {t('ask.title')}
      </h2>
      <div className="ask__row">
        <label htmlFor={ids.model}>{t('ask.model')}</label>
        <select
          id={ids.model}
          className="text-field"
          value={chosen.value}
          onChange={(e) => setChoice(e.currentTarget.value)}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.provider.name} — {c.model.model}
            </option>
          ))}
        </select>
        <label htmlFor={ids.preset} className="visually-hidden">
          {t('ask.preset')}
        </label>
        <select
          id={ids.preset}
          className="text-field"
          value=""
          onChange={(event) => {
            const preset = questionPresets.find((p) => p.id === event.currentTarget.value);
            if (!preset) return;
            // A preset about "our side" waits for the lawyer to say which party that is.
            if (needsSide(preset, language)) setAwaitingSide(preset);
            else {
              setAwaitingSide(null);
              setQuestion(presetQuestion(preset, language));
            }
          }}
        >
          <option value="">{t('ask.presetNone')}</option>
          {questionPresets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label[language]}
            </option>
          ))}
        </select>
        <MatterSelect label={t('matters.fileUnder')} value={currentMatterId} onChange={setCurrentMatter} />
      </div>
      {awaitingSide && (
        <div className="ask__row">
          <label htmlFor={ids.side}>{t('ask.side')}</label>
          <select
            id={ids.side}
            className="text-field"
            value=""
            onChange={(event) => {
              const side = event.currentTarget.value;
              if (side === '') return;
              setQuestion(presetQuestion(awaitingSide, language, side));
              setAwaitingSide(null);
            }}
          >
            <option value="">{t('ask.sideNone')}</option>
            {SIDES.map((side) => (
              <option key={side.vi} value={side[language]}>
                {side[language]}
              </option>
            ))}
          </select>
        </div>
      )}
      <label htmlFor={ids.question}>{t('ask.question')}</label>
      <textarea
        id={ids.question}
        className="text-field ask__question"
        rows={3}
        placeholder={t('ask.placeholder')}
        value={question}
        onChange={(event) => setQuestion(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
        }}
      />
      {planned && plan ? (
        // Too long whole: that is said first, then the ways to send it instead.
        <>
          <EstimateLine estimate={estimate} currency={chosen.model.currency} />
          <PlanChoice planned={planned} value={planKey(plan)} onChange={(picked) => setPickedKey(planKey(picked))} />
        </>
      ) : null}
      <div className="ask__row ask__footer">
        {!(planned && plan) && (
          <EstimateLine estimate={estimate} currency={chosen.model.currency} empty={t('ask.noneSelected')} />
        )}
        <button type="submit" className="button button--primary" disabled={!canAsk}>
          {t('ask.submit')}
        </button>
      </div>
    </form>
  );
}

/** The plan the lawyer picked, while it still fits; else the one main recommends. */
function pickedPlan(planned: PlannedQuestion, key: string | null): Plan | null {
  return planned.plans.find((plan) => plan.fits && planKey(plan) === key) ?? planned.chosen;
}
