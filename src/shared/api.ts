// Types only: the preload bundles this file, and a sandboxed preload can load no package (zod included).
import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { Envelope } from './envelope';
import type { AppEvent } from './events';

/** The one channel main pushes every event on. */
export const EVENT_CHANNEL = 'lexdesk:event';

/**
 * How api calls reach main. The preload passes one built on `ipcRenderer`,
 * the browser test host one built on a Playwright binding.
 */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** The path of a dropped file where main can read it (Electron's webUtils); absent in the browser host. */
  pathForFile?(file: Blob & { name: string }): string;
}

type BridgeMethod<C extends Channel> =
  ChannelInput<C> extends undefined
    ? () => Promise<Envelope<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;

type BridgeMethods = { [C in Channel]: BridgeMethod<C> };

/**
 * The whole `window.api` the preload exposes: one named function per channel,
 * never a raw invoke. Its methods answer envelopes, which cross Electron's
 * context bridge intact; a thrown error would lose its code on the way.
 */
export function createApi(transport: Transport) {
  const call =
    <C extends Channel>(channel: C) =>
    (input?: ChannelInput<C>) =>
      // Main built the value from the channel's output schema.
      transport.invoke(channel, input) as Promise<Envelope<ChannelOutput<C>>>;

  // Typed as `BridgeMethods`, so the compiler names any channel left without a method.
  const methods: BridgeMethods = {
    'app:info': call('app:info'),
    'settings:get': call('settings:get'),
    'settings:set': call('settings:set'),
    'secrets:status': call('secrets:status'),
    'documents:ingest': call('documents:ingest'),
    'documents:list': call('documents:list'),
    'documents:get': call('documents:get'),
    'documents:file': call('documents:file'),
    'providers:list': call('providers:list'),
    'providers:save': call('providers:save'),
    'providers:remove': call('providers:remove'),
    'providers:setKey': call('providers:setKey'),
    'providers:clearKey': call('providers:clearKey'),
    'providers:test': call('providers:test'),
    'ask:start': call('ask:start'),
    'ask:cancel': call('ask:cancel'),
    'answers:get': call('answers:get'),
    'history:page': call('history:page'),
    'history:search': call('history:search'),
    'history:cacheStats': call('history:cacheStats'),
    'matters:list': call('matters:list'),
    'matters:create': call('matters:create'),
    'matters:rename': call('matters:rename'),
    'matters:remove': call('matters:remove'),
    'matters:assign': call('matters:assign'),
    'export:analysis': call('export:analysis'),
    'export:matter': call('export:matter'),
    'backup:create': call('backup:create'),
    'backup:choose': call('backup:choose'),
    'backup:restore': call('backup:restore'),
  };

  return {
    app: { info: methods['app:info'] },
    settings: { get: methods['settings:get'], set: methods['settings:set'] },
    secrets: { status: methods['secrets:status'] },
    documents: {
      ingest: methods['documents:ingest'],
      list: methods['documents:list'],
      get: methods['documents:get'],
      file: methods['documents:file'],
    },
    providers: {
      list: methods['providers:list'],
      save: methods['providers:save'],
      remove: methods['providers:remove'],
      setKey: methods['providers:setKey'],
      clearKey: methods['providers:clearKey'],
      test: methods['providers:test'],
    },
    ask: { start: methods['ask:start'], cancel: methods['ask:cancel'] },
    answers: { get: methods['answers:get'] },
    history: {
      page: methods['history:page'],
      search: methods['history:search'],
      cacheStats: methods['history:cacheStats'],
    },
    matters: {
      list: methods['matters:list'],
      create: methods['matters:create'],
      rename: methods['matters:rename'],
      remove: methods['matters:remove'],
      assign: methods['matters:assign'],
    },
    exports: { analysis: methods['export:analysis'], matter: methods['export:matter'] },
    backups: {
      create: methods['backup:create'],
      choose: methods['backup:choose'],
      restore: methods['backup:restore'],
    },
    files: {
      /** Where main can read a dropped file from, or null where it must be sent as bytes. */
      pathFor: (file: Blob & { name: string }): string | null => transport.pathForFile?.(file) || null,
    },
    onEvent: (listener: (event: AppEvent) => void): (() => void) => transport.onEvent(listener),
  };
}

/** What the preload (or the browser test host) installs as `window.api`. */
export type LexDeskBridge = ReturnType<typeof createApi>;
