import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultAnswerReserve } from '../../shared/estimate';
import { formatDay } from '../../shared/format';
import { providerPresets } from '../../shared/provider-presets';
import {
  type DiscoveredServer,
  isLoopbackHost,
  type Provider,
  type ProviderConfig,
  type ProviderModel,
} from '../../shared/providers';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { InlineConfirm } from '../components/InlineConfirm';
import { useAction } from '../components/use-action';
import { inBackground } from '../failures';
import { useProviders } from '../stores/providers-store';
import { useSettings } from '../stores/settings-store';
import { type LimitsDraft, limitsDraft, limitsOf, ProviderLimitsRow } from './ProviderLimitsRow';

/**
 * Settings → model providers: add from a preset, edit address and prices, save a key, test, remove.
 * `open`: the dialog is showing, when local servers are looked for (never at the window's start).
 */
export function ProvidersSection({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const providers = useProviders((state) => state.providers);
  const save = useProviders((state) => state.save);
  const adding = useAction();
  const presetId = useId();
  // A preset is added once; the custom endpoint as often as the lawyer has resellers and local servers.
  const available = providerPresets.filter(
    (preset) => preset.id === CUSTOM || !providers.some((p) => p.id === preset.id),
  );
  const [preset, setPreset] = useState(available[0]?.id ?? '');
  // Brand names stay as they are; the two that describe a kind of server are said in the window's language.
  const presetName = (p: ProviderConfig) =>
    p.id === CUSTOM ? t('providers.presetCustom') : p.id === 'ollama' ? t('providers.presetOllama') : p.name;

  function add(event: FormEvent) {
    event.preventDefault();
    const chosen = providerPresets.find((p) => p.id === preset);
    if (chosen) adding.run(() => save({ ...chosen, id: freeId(chosen.id, providers), name: presetName(chosen) }));
  }

  // Ollama and LM Studio running on this machine, offered when not set up yet.
  const [found, setFound] = useState<DiscoveredServer[]>([]);
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    inBackground(
      api.providers.discover().then((servers) => {
        if (!cancelled) setFound(servers);
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [open]);
  const offered = found.filter(
    (server) => !providers.some((p) => new URL(p.baseUrl).origin === new URL(server.baseUrl).origin),
  );

  function addFound(server: DiscoveredServer) {
    const preset = providerPresets.find((p) => p.id === server.presetId);
    const template = preset?.models[0];
    if (!preset || !template) return;
    const models = server.models.map((model) => ({ ...template, model }));
    adding.run(() =>
      save({ ...preset, id: freeId(preset.id, providers), name: server.name, baseUrl: server.baseUrl, models }),
    );
  }

  return (
    <section className="field" aria-labelledby="providers-heading">
      <h3 id="providers-heading">{t('providers.title')}</h3>
      {providers.length === 0 && <p className="field__text">{t('providers.empty')}</p>}
      {offered.map((server) => (
        <p key={server.baseUrl} className="notice" role="status">
          {t('providers.found', { name: server.name, count: server.models.length })}{' '}
          <button type="button" className="button" onClick={() => addFound(server)}>
            {t('providers.addFound', { name: server.name })}
          </button>
        </p>
      ))}
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
                {presetName(p)}
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

const CUSTOM = 'custom';

/** The preset's id, or, when a provider has it already (a second custom endpoint), the next free `id-N`. */
function freeId(id: string, providers: readonly Provider[]): string {
  const taken = new Set(providers.map((p) => p.id));
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/** A model row being edited, with a key of its own: its name is what the lawyer is typing. */
type ModelRow = ProviderModel & { row: number };
let rows = 0;
const toRows = (models: readonly ProviderModel[]): ModelRow[] => models.map((m) => ({ ...m, row: ++rows }));
const fromRows = (models: readonly ModelRow[]): ProviderModel[] => models.map(({ row: _row, ...m }) => m);

function ProviderEditor({ provider }: { provider: Provider }) {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const { save, remove, setKey, clearKey, test } = useProviders.getState();
  const testResult = useProviders((state) => state.tests[provider.id]);
  // One action at a time on this provider; its failure shows under the provider, with its code.
  const action = useAction();
  const [name, setName] = useState(provider.name);
  const [baseUrl, setBaseUrl] = useState(provider.baseUrl);
  const [models, setModels] = useState<ModelRow[]>(() => toRows(provider.models));
  const [limits, setLimits] = useState<LimitsDraft>(() => limitsDraft(provider.limits));
  const [key, setKeyField] = useState('');
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  // Main deletes a key when the address moves to another origin; the lawyer is told why it is gone.
  const [keyClearedFor, setKeyClearedFor] = useState<string | null>(null);
  const ids = { name: useId(), baseUrl: useId(), key: useId(), listed: useId() };
  // The provider's own list of model IDs, offered as the model fields' suggestions once fetched.
  const [listed, setListed] = useState<string[] | null>(null);
  const edited = fromRows(models);
  const changed =
    name !== provider.name ||
    baseUrl !== provider.baseUrl ||
    JSON.stringify(edited) !== JSON.stringify(provider.models) ||
    JSON.stringify(limitsOf(limits)) !== JSON.stringify(provider.limits);
  const firstModel = provider.models[0]?.model ?? '';

  // A price typed in is a price the lawyer has just checked, so it is dated today; a context window is not a price.
  function editModel(index: number, patch: Partial<ProviderModel>) {
    const priced = 'input' in patch || 'cachedInput' in patch || 'output' in patch;
    const checkedOn = new Date().toISOString().slice(0, 10);
    setModels(models.map((m, i) => (i === index ? { ...m, ...patch, ...(priced ? { checkedOn } : {}) } : m)));
  }

  // A new model starts as the last one is (its window and tokenizer), unnamed and unpriced until the lawyer says.
  function addModel() {
    const last = models.at(-1) ?? toRows(provider.models)[0];
    if (!last) return;
    const checkedOn = new Date().toISOString().slice(0, 10);
    const [added] = toRows([
      { ...fromRows([last])[0], model: '', input: 0, cachedInput: 0, output: 0, checkedOn } as ProviderModel,
    ]);
    if (added) setModels([...models, added]);
  }

  return (
    <fieldset className="provider">
      <legend className="provider__name">{provider.name}</legend>
      <div className="provider__row">
        <label htmlFor={ids.name}>{t('providers.name')}</label>
        <input
          id={ids.name}
          className="text-field provider__url"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
      </div>
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
            <th scope="col">{t('providers.maxOutput')}</th>
            <th scope="col">{t('providers.input')}</th>
            <th scope="col">{t('providers.cachedInput')}</th>
            <th scope="col">{t('providers.output')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('providers.removeModel')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((model, index) => (
            <tr key={model.row}>
              <th scope="row">
                <input
                  className="text-field provider__model"
                  list={listed ? ids.listed : undefined}
                  aria-label={t('providers.modelId', { n: index + 1 })}
                  placeholder="moonshot-v1-200k"
                  value={model.model}
                  onChange={(event) => editModel(index, { model: event.currentTarget.value })}
                />
                <span className="provider__checked">
                  {t('providers.checked', { date: formatDay(model.checkedOn, language) })}
                </span>
              </th>
              {(['contextWindow', 'maxOutput', 'input', 'cachedInput', 'output'] as const).map((field) => (
                <td key={field}>
                  <input
                    className={
                      field === 'contextWindow' || field === 'maxOutput'
                        ? 'text-field provider__context'
                        : 'text-field text-field--narrow'
                    }
                    inputMode="decimal"
                    aria-label={`${model.model}: ${t(field === 'contextWindow' ? 'providers.context' : `providers.${field}`)}`}
                    // Left empty, the answer keeps what fits the window; the placeholder says how much.
                    placeholder={field === 'maxOutput' ? String(defaultAnswerReserve(model.contextWindow)) : undefined}
                    value={model[field] === undefined ? '' : String(model[field])}
                    onChange={(event) => {
                      const typed = event.currentTarget.value.trim();
                      if (field === 'maxOutput' && typed === '') return editModel(index, { maxOutput: undefined });
                      const value = Number(typed);
                      if (Number.isFinite(value) && value >= 0) editModel(index, { [field]: value });
                    }}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={models.length === 1}
                  aria-label={t('providers.removeModelNamed', {
                    model: model.model || t('providers.modelId', { n: index + 1 }),
                  })}
                  onClick={() => setModels(models.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="provider__row">
        <button type="button" className="button button--quiet" onClick={addModel}>
          {t('providers.addModel')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => action.run(() => api.providers.models({ providerId: provider.id }), setListed)}
        >
          {t('providers.fetchModels')}
        </button>
        {listed && (
          <span className="field__text" role="status">
            {t('providers.listedModels', { count: listed.length })}
          </span>
        )}
        {listed && (
          <datalist id={ids.listed}>
            {listed.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        )}
      </div>
      <ProviderLimitsRow value={limits} onChange={setLimits} />
      {changed && (
        <button
          type="button"
          className="button"
          onClick={() => {
            const hadKey = provider.key.set;
            action.run(
              () => {
                const { limits: _before, ...rest } = provider;
                const set = limitsOf(limits);
                return save({ ...rest, name, baseUrl, models: edited, ...(set ? { limits: set } : {}) });
              },
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
