import type { Handlers } from './ipc';
import type { Services } from './services';

/** The contract's channels, each answered by a service. */
export function createHandlers(services: Services): Handlers {
  return {
    'app:info': () => services.appInfo(),
    'settings:get': () => services.settings.get(),
    'settings:set': (change) => services.settings.set(change),
    'secrets:status': () => services.secrets.status(),
    'documents:ingest': (input) => services.documents.ingest(input),
    'documents:list': () => services.documents.list(),
    'documents:get': ({ sha256 }) => services.documents.get(sha256),
    'documents:file': ({ sha256 }) => services.documents.file(sha256),
  };
}
