import type { Provider, ProviderModel } from '../shared/providers';

export interface ModelChoice {
  /** `providerId/model`, as the picker's value. */
  value: string;
  provider: Provider;
  model: ProviderModel;
}

/** Every configured model, in the picker's order. */
export function modelChoices(providers: readonly Provider[]): ModelChoice[] {
  return providers.flatMap((provider) =>
    provider.models.map((model) => ({ value: `${provider.id}/${model.model}`, provider, model })),
  );
}

/** The model the picker shows: the one chosen, or the first while none is. */
export function chosenModel(choices: readonly ModelChoice[], choice: string): ModelChoice | undefined {
  return choices.find((c) => c.value === choice) ?? choices[0];
}
