import { type Provider, type ProviderConfig, providerKindSchema } from '../../shared/providers';
import { type CommandContext, printJson, usage, value } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';

function number(name: string, value: string | undefined, required: boolean): number | undefined {
  if (value === undefined) {
    if (required) throw usage(`--${name} is required`);
    return undefined;
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw usage(`--${name} must be a number, not "${value}"`);
  return parsed;
}

/** The provider `providers add` describes; the contract's schema checks it in full. */
function configFrom(id: string, context: CommandContext): ProviderConfig {
  const o = context.options;
  const kind = providerKindSchema.safeParse(o.kind);
  if (!kind.success) throw usage('--kind openai|anthropic is required');
  const currency = o.currency ?? 'USD';
  if (currency !== 'USD') throw usage(`--currency must be USD, not "${currency}"`);
  if (!o['base-url']) throw usage('--base-url is required');
  if (!o.model?.length) throw usage('at least one --model is required');
  const contextWindow = number('context', o.context, true) ?? 0;
  const input = number('price-input', o['price-input'], true) ?? 0;
  const output = number('price-output', o['price-output'], true) ?? 0;
  const cachedInput = number('price-cached-input', o['price-cached-input'], false) ?? input;
  return {
    id,
    kind: kind.data,
    name: o.name ?? id,
    baseUrl: o['base-url'],
    models: o.model.map((model) => ({
      model,
      contextWindow,
      currency,
      input,
      cachedInput,
      output,
      encoding: 'o200k_base',
      exactTokenizer: false,
      checkedOn: new Date().toISOString().slice(0, 10),
    })),
  };
}

function describeProvider(provider: Provider): string {
  const key = provider.key.set ? `key …${provider.key.last4}` : 'no key';
  const models = provider.models
    .map(
      (m) => `${m.model} (${m.contextWindow.toLocaleString('en')} tokens, ${m.input}/${m.output} ${m.currency} per 1M)`,
    )
    .join(', ');
  return `${provider.id}\t${provider.kind}\t${provider.baseUrl}\t${key}\t${models}`;
}

/** `providers add ID ...`, `providers list`, `providers remove ID`. */
export async function providersCommand([verb, ...rest]: string[], context: CommandContext): Promise<ExitCode> {
  if (verb === 'add' && rest.length === 1) {
    const provider = await value(context.api.providers.save(configFrom(rest[0] ?? '', context)));
    if (context.output.json) return printJson(context, provider);
    context.io.stdout(`${describeProvider(provider)}\n`);
    return EXIT.ok;
  }
  if (verb === 'list' && rest.length === 0) {
    const providers = await value(context.api.providers.list());
    if (context.output.json) return printJson(context, providers);
    for (const provider of providers) context.io.stdout(`${describeProvider(provider)}\n`);
    return EXIT.ok;
  }
  if (verb === 'remove' && rest.length === 1) {
    await value(context.api.providers.remove({ providerId: rest[0] ?? '' }));
    if (context.output.json) return printJson(context, { removed: rest[0] });
    return EXIT.ok;
  }
  throw usage(`unknown command "providers ${[verb, ...rest].join(' ')}"`);
}
