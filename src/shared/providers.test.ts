import { describe, expect, it } from 'vitest';
import { providerPresets } from './provider-presets';
import { providerConfigSchema } from './providers';

describe('providerConfigSchema', () => {
  const custom = providerPresets.find((p) => p.id === 'custom');
  if (!custom) throw new Error('no custom preset');
  const model = custom.models[0];
  if (!model) throw new Error('no model');

  it('takes any model ID typed by hand, and a second custom endpoint under its own id and name', () => {
    const holySheep = {
      ...custom,
      id: 'custom-2',
      name: 'HolySheep',
      models: [
        { ...model, model: 'moonshot-v1-200k' },
        { ...model, model: 'moonshot-v1-128k' },
      ],
    };
    expect(providerConfigSchema.parse(holySheep)).toEqual(holySheep);
  });

  it('refuses two models with one ID, and a model without one', () => {
    const twice = { ...custom, models: [model, { ...model, model: ` ${model.model} ` }] };
    expect(providerConfigSchema.safeParse(twice).success).toBe(false);
    expect(providerConfigSchema.safeParse({ ...custom, models: [{ ...model, model: '  ' }] }).success).toBe(false);
  });

  it('takes an output limit below the context window, and refuses one that leaves no room for the contract', () => {
    const limited = (maxOutput: number) => ({ ...custom, models: [{ ...model, contextWindow: 8_192, maxOutput }] });
    expect(providerConfigSchema.parse(limited(4_096)).models[0]?.maxOutput).toBe(4_096);
    expect(providerConfigSchema.safeParse(limited(8_192)).success).toBe(false);
    expect(providerConfigSchema.safeParse(limited(0)).success).toBe(false);
  });
});
