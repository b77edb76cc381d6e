import type { Handlers } from './ipc';
import type { Services } from './services';

/** The contract's channels, each answered by a service. */
export function createHandlers(services: Services): Handlers {
  return {
    'app:info': () => services.appInfo(),
    'settings:get': () => services.settings.get(),
    'settings:set': (change) => services.settings.set(change),
    'secrets:status': () => services.secrets.status(),
  };
}
