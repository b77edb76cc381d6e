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
});
