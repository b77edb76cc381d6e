import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../main/app';
import { headlessDesktop } from '../../main/desktop/desktop';
import { createDispatcher, type Handlers } from '../../main/ipc';
import { createTempServices } from '../../main/testing/temp-services';
import { AppError } from '../../shared/errors';

let services: ReturnType<typeof createTempServices>;
let refuseWrites = false;

beforeEach(async () => {
  services = createTempServices();
  const handlers: Handlers = {
    ...createApp({ services, desktop: headlessDesktop }).handlers,
    'settings:set': (change) => {
      if (refuseWrites) throw new AppError('DATABASE_UNREADABLE', { path: 'lexdesk.sqlite3', reason: 'disk full' });
      return services.settings.set(change);
    },
  };
  const dispatch = createDispatcher(handlers, { language: () => 'vi' });
  // Fresh modules, so the store reads this test's window.api; createApi comes from the same fresh graph.
  vi.resetModules();
  const { createApi } = await import('../../shared/api');
  // The store reaches main through window.api, as in the app; here it is the real dispatcher.
  vi.stubGlobal('window', { api: createApi({ invoke: dispatch, on: () => () => {} }) });
});
afterEach(() => {
  refuseWrites = false;
  vi.unstubAllGlobals();
  services.dispose();
});

async function newStore() {
  const { createSettingsStore } = await import('./settings-store');
  return createSettingsStore(services.settings.get());
}

describe('settings store', () => {
  it('shows a change at once and keeps what main saved', async () => {
    const store = await newStore();
    const pending = store.getState().change({ key: 'language', value: 'en' });
    expect(store.getState().settings.language).toBe('en');
    await pending;
    expect(store.getState()).toMatchObject({ settings: { language: 'en' }, error: null });
    expect(services.settings.get().language).toBe('en');
  });

  it('puts the old value back and says why when main refuses the change', async () => {
    const store = await newStore();
    refuseWrites = true;
    await store.getState().change({ key: 'theme', value: 'dark' });
    expect(store.getState().settings.theme).toBe('system');
    expect(store.getState().error).toMatchObject({
      code: 'DATABASE_UNREADABLE',
      message: expect.stringContaining('disk full'),
    });
    expect(services.settings.get().theme).toBe('system');
  });

  it('reads the key storage status after the weak-storage consent changes', async () => {
    const store = await newStore();
    await store.getState().change({ key: 'acceptWeakKeyStorage', value: true });
    expect(store.getState().keyStorage).toEqual({ backend: 'memory', canPersist: false, weak: false });
  });
});
