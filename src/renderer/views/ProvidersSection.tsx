import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { providerPresets } from '../../shared/provider-presets';
import { isLoopbackHost, type Provider, type ProviderModel } from '../../shared/providers';
import { ErrorNotice } from '../components/ErrorNotice';
import { InlineConfirm } from '../components/InlineConfirm';
import { useAction } from '../components/use-action';
import { inBackground } from '../failures';
import { useProviders } from '../stores/providers-store';

/** Settings → model providers: add from a preset, edit address and prices, save a key, test, remove. */
export function ProvidersSection() {
  const { t } = useTranslation();
  const providers = useProviders((state) => state.providers);
  const save = useProviders((state) => state.save);
  const adding = useAction();
  const presetId = useId();
  const available = providerPresets.filter((preset) => !providers.some((p) => p.id === preset.id));
  const [preset, setPreset] = useState(available[0]?.id ?? '');

  function add(event: FormEvent) {
    event.preventDefault();
    const chosen = providerPresets.find((p) => p.id === preset);
    if (chosen) adding.run(() => save(chosen));
  }

  return (
    <section className="field" aria-labelledby="providers-heading">
      <h3 id="providers-heading">{t('providers.title')}</h3>
      {providers.length === 0 && <p className="field__text">{t('providers.empty')}</p>}
      {providers.map((provider) => (
        <ProviderEditor key={provider.id} provider={provider} />
      ))}
      {adding.error && <ErrorNotice error={adding.error} />}
      {available.length > 0 && (
        <form className="inline-form" onSubmit={add}>
          <label htmlFor={presetId}>{t('providers.preset')}</label>
          <select
            id={presetId}
            className="text-field"
            value={preset}
            onChange={(event) => setPreset(event.currentTarget.value)}
          >
            {available.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            {t('providers.add')}
          </button>
        </form>
      )}
    </section>
  );
}

function ProviderEditor({ provider }: { provider: Provider }) {
  const { t } = useTranslation();
  const { save, remove, setKey, clearKey, test } = useProviders.getState();
  const testResult = useProviders((state) => state.tests[provider.id]);
  // One action at a time on this provider; its failure shows under the provider, with its code.
  const action = useAction();
  const [baseUrl, setBaseUrl] = useState(provider.baseUrl);
  const [models, setModels] = useState<ProviderModel[]>(provider.models);
  const [key, setKeyField] = useState('');
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  // Main deletes a key when the address moves to another origin; the lawyer is told why it is gone.
  const [keyClearedFor, setKeyClearedFor] = useState<string | null>(null);
  const ids = { baseUrl: useId(), key: useId() };
  const changed = baseUrl !== provider.baseUrl || JSON.stringify(models) !== JSON.stringify(provider.models);
  const firstModel = provider.models[0]?.model ?? '';

  // A price typed in is a price the lawyer has just checked, so it is dated today; a context window is not a price.
  function editModel(index: number, patch: Partial<ProviderModel>) {
    const priced = 'input' in patch || 'cachedInput' in patch || 'output' in patch;
    const checkedOn = new Date().toISOString().slice(0, 10);
    setModels(models.map((m, i) => (i === index ? { ...m, ...patch, ...(priced ? { checkedOn } : {}) } : m)));
  }

  return (
    <fieldset className="provider">
      <legend className="provider__name">{provider.name}</legend>
      <div className="provider__row">
        <label htmlFor={ids.baseUrl}>{t('providers.baseUrl')}</label>
        <input
          id={ids.baseUrl}
          className="text-field provider__url"
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.currentTarget.value)}
        />
      </div>
      <table className="provider__models">
        <caption>{t('providers.models')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('providers.model')}</th>
            <th scope="col">{t('providers.context')}</th>
            <th scope="col">{t('providers.input')}</th>
            <th scope="col">{t('providers.cachedInput')}</th>
            <th scope="col">{t('providers.output')}</th>
          </tr>
        </thead>
        <tbody>
          {models.map((model, index) => (
            <tr key={model.model}>
              <th scope="row">
                {model.model}
                <span className="provider__checked">{t('providers.checked', { date: model.checkedOn })}</span>
              </th>
              {(['contextWindow', 'input', 'cachedInput', 'output'] as const).map((field) => (
                <td key={field}>
                  <input
                    className="text-field text-field--narrow"
                    inputMode="decimal"
                    aria-label={`${model.model}: ${t(field === 'contextWindow' ? 'providers.context' : `providers.${field}`)}`}
                    value={String(model[field])}
                    onChange={(event) => {
                      const value = Number(event.currentTarget.value);
                      if (Number.isFinite(value) && value >= 0) editModel(index, { [field]: value });
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {changed && (
        <button
          type="button"
          className="button"
          onClick={() => {
            const hadKey = provider.key.set;
            action.run(
              () => save({ ...provider, baseUrl, models }),
              (saved) => {
                if (hadKey && !saved.key.set) setKeyClearedFor(new URL(saved.baseUrl).origin);
              },
            );
          }}
        >
          {t('providers.save')}
        </button>
      )}
      <form
        className="provider__row"
        onSubmit={(event) => {
          event.preventDefault();
          action.run(
            () => setKey(provider.id, key),
            () => {
              setKeyField('');
              setKeyClearedFor(null);
            },
          );
        }}
      >
        <label htmlFor={ids.key}>{t('providers.keyLabel', { name: provider.name })}</label>
        <input
          id={ids.key}
          type="password"
          className="text-field"
          autoComplete="off"
          value={key}
          placeholder={
            provider.key.set ? t('providers.keySet', { last4: provider.key.last4 ?? '' }) : t('providers.keyNone')
          }
          onChange={(event) => setKeyField(event.currentTarget.value)}
        />
        <button type="submit" className="button" disabled={key.trim() === ''}>
          {t('providers.saveKey')}
        </button>
        {provider.key.set && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => action.run(() => clearKey(provider.id))}
          >
            {t('providers.clearKey')}
          </button>
        )}
      </form>
      <p className="field__text" role="status">
        {provider.key.set
          ? `${t('providers.keySet', { last4: provider.key.last4 ?? '' })} ${provider.key.origin ? t('providers.keyBoundTo', { origin: provider.key.origin }) : ''}`
          : keyClearedFor
            ? t('providers.keyClearedOrigin', { origin: keyClearedFor })
            : isLoopbackHost(new URL(provider.baseUrl).hostname)
              ? ''
              : t('providers.keyNone')}
      </p>
      <div className="provider__row">
        <button type="button" className="button" onClick={() => inBackground(test(provider.id, firstModel))}>
          {testResult?.state === 'testing' ? t('providers.testing') : t('providers.test')}
        </button>
        {testResult?.state === 'passed' && (
          <span className="provider__test provider__test--ok">
            {t('providers.testOk', { model: firstModel, ms: testResult.latencyMs })}
          </span>
        )}
        {testResult?.state === 'failed' && (
          <span className="provider__test provider__test--failed" role="alert">
            {testResult.error.message} <code>{testResult.error.code}</code>
          </span>
        )}
        <button
          type="button"
          className="button button--quiet provider__remove"
          onClick={() => setConfirmingRemove(true)}
        >
          {t('providers.remove')}
        </button>
      </div>
      {action.error && <ErrorNotice error={action.error} />}
      {confirmingRemove && (
        <InlineConfirm
          title={t('providers.confirmRemove', { name: provider.name })}
          confirmLabel={t('providers.remove')}
          body={t('providers.removeBody')}
          cancelLabel={t('providers.cancel')}
          onConfirm={() => action.run(() => remove(provider.id))}
          onCancel={() => setConfirmingRemove(false)}
        />
      )}
    </fieldset>
  );
}
