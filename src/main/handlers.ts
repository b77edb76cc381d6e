import type { Clock } from './clock';
import type { Desktop } from './desktop/desktop';
import { createFileActions } from './desktop/file-actions';
import type { Handlers } from './ipc';
import type { Services } from './services';

/** The contract's channels, each answered by a service; `desktop` asks the user where files go. */
export function createHandlers(services: Services, desktop: Desktop, clock: Clock): Handlers {
  const files = createFileActions(services, desktop, clock);
  return {
    'app:info': () => services.appInfo(),
    'settings:get': () => services.settings.get(),
    'settings:set': (change) => services.settings.set(change),
    'secrets:status': () => services.secrets.status(),
    'files:handOver': ({ path }) => services.documents.handOver(path),
    'documents:ingest': (input, caller) => services.documents.ingest(input, caller),
    'documents:list': () => services.documents.list(),
    'documents:get': ({ sha256 }) => services.documents.get(sha256),
    'documents:file': ({ sha256 }) => services.documents.file(sha256),
    'providers:list': () => services.providers.list(),
    'providers:save': (config) => services.providers.save(config),
    'providers:remove': ({ providerId }) => {
      services.providers.remove(providerId);
      return null;
    },
    'providers:setKey': ({ providerId, key }) => services.providers.setKey(providerId, key),
    'providers:clearKey': ({ providerId }) => services.providers.clearKey(providerId),
    'providers:test': ({ providerId, model }) => services.providers.test(providerId, model),
    'providers:models': ({ providerId }) => services.providers.models(providerId),
    'providers:discover': () => services.providers.discover(),
    'ask:start': (input, caller) => {
      const { finished, ...started } = services.ask.start(input, caller ? { caller } : {});
      // The outcome reaches the window as a done or error event; here it only must not go unhandled.
      finished.catch((error: unknown) => services.log('ask', error));
      return started;
    },
    'ask:cancel': ({ streamId }) => services.ask.cancel(streamId),
    'batch:quote': ({ documentIds, questions }) => services.batch.quote(documentIds, questions),
    'batch:start': (input, caller) => services.batch.start(input, caller ? { caller } : {}),
    'batch:pause': ({ jobId }) => services.batch.pause(jobId),
    'batch:resume': ({ jobId, retryFailed, budget }, caller) =>
      services.batch.resume(jobId, {
        ...(caller ? { caller } : {}),
        ...(retryFailed !== undefined ? { retryFailed } : {}),
        ...(budget !== undefined ? { budget } : {}),
      }),
    'batch:cancel': ({ jobId }) => services.batch.cancel(jobId),
    'batch:state': ({ jobId }) => services.batch.state(jobId),
    'batch:list': () => services.batch.list(),
    'batch:items': ({ jobId, offset, limit }) => services.batch.items(jobId, offset, limit),
    'ask:plan': (input) => services.plans.plan(input),
    'answers:get': ({ answerId }) => services.answers.get(answerId),
    'answers:copy': ({ answerId }) => files.copyAnswer(answerId),
    'history:page': ({ limit, offset, matterId }) => services.history.page(limit, offset, matterId),
    'matters:list': () => services.matters.list(),
    'matters:create': ({ name }) => services.matters.create(name),
    'matters:rename': ({ matterId, name }) => services.matters.rename(matterId, name),
    'matters:remove': ({ matterId }) => services.matters.remove(matterId),
    'matters:assign': ({ matterId, documentIds, answerIds }) => {
      services.matters.assign(matterId, {
        ...(documentIds ? { documentIds } : {}),
        ...(answerIds ? { answerIds } : {}),
      });
      return null;
    },
    'history:search': ({ query, limit, ...filter }) => services.history.search(query, limit, filter),
    'history:cacheStats': () => services.answers.cacheStats(),
    'export:answer': ({ answerId, format }) => files.exportAnswer(answerId, format),
    'export:matter': ({ matterId, format }) => files.exportMatter(matterId, format),
    'backup:create': () => files.backup(),
    'backup:choose': () => files.chooseBackup(),
    'backup:restore': ({ token }) => files.restore(token),
  };
}
