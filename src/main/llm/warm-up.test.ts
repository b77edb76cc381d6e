import { afterEach, beforeEach, expect, it } from 'vitest';
import { providerPresets } from '../../shared/provider-presets';
import { createTempServices } from '../testing/temp-services';
import { loadedSdks } from './sdks';

// Its own file: the SDKs stay loaded for the rest of a test file once any answer is asked.
let services: ReturnType<typeof createTempServices>;
beforeEach(() => {
  services = createTempServices();
});
afterEach(() => services.dispose());

it('loads the SDK of each configured kind of provider ahead of the first answer, and no other', async () => {
  const custom = providerPresets.find((preset) => preset.kind === 'openai');
  if (!custom) throw new Error('no OpenAI-compatible preset');
  services.providers.save(custom);
  expect(loadedSdks()).toEqual({ openAi: undefined, anthropic: undefined });
  await services.ask.warmUp();
  expect(loadedSdks().openAi?.default).toBeTypeOf('function');
  expect(loadedSdks().anthropic).toBeUndefined();
});

it('does nothing once the services are closed (the app quit before its turn came)', async () => {
  const closed = createTempServices();
  closed.dispose();
  await expect(closed.ask.warmUp()).resolves.toBeUndefined();
});
