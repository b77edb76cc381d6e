// Types only: the preload bundles this file, and a sandboxed preload can load no package (zod included).
import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { HandedOver } from './documents';
import type { Envelope } from './envelope';
import type { EventName } from './event-names';
import type { AppEvents } from './events';

/** A subscription to one event by name; the returned function ends it. */
export type Subscribe = <N extends EventName>(name: N, listener: (payload: AppEvents[N]) => void) => () => void;

/**
 * How api calls reach main. The preload passes one built on `ipcRenderer`,
 * the browser test host one built on a Playwright binding.
 */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  on: Subscribe;
  /** The path of a dropped file where main can read it (Electron's webUtils); absent in the browser host. */
  pathForFile?(file: Blob & { name: string }): string;
}

type BridgeMethod<C extends Channel> =
  ChannelInput<C> extends undefined
    ? () => Promise<Envelope<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;

/** `files:handOver` is not a method of its own: the preload calls it with the path of a File it was given. */
type BridgeMethods = { [C in Exclude<Channel, 'files:handOver'>]: BridgeMethod<C> };

/**
 * The whole `window.api` the preload exposes: one named function per channel,
 * never a raw invoke. Its methods answer envelopes, which cross Electron's
 * context bridge intact; a thrown error would lose its code on the way.
 */
export function createApi(transport: Transport) {
  const invoke = typedInvoke(transport);
  const subscribe: Subscribe = (name, listener) => transport.on(name, listener);
  const call =
    <C extends Channel>(channel: C) =>
    (input?: ChannelInput<C>) =>
      invoke(channel, input);

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
    'providers:models': call('providers:models'),
    'providers:discover': call('providers:discover'),
    'ask:start': call('ask:start'),
    'ask:cancel': call('ask:cancel'),
    'ask:plan': call('ask:plan'),
    'answers:get': call('answers:get'),
    'answers:copy': call('answers:copy'),
    'history:page': call('history:page'),
    'history:search': call('history:search'),
    'history:cacheStats': call('history:cacheStats'),
    'matters:list': call('matters:list'),
    'matters:create': call('matters:create'),
    'matters:rename': call('matters:rename'),
    'matters:remove': call('matters:remove'),
    'matters:assign': call('matters:assign'),
    'export:answer': call('export:answer'),
    'export:matter': call('export:matter'),
    'backup:create': call('backup:create'),
    'backup:choose': call('backup:choose'),
    'backup:restore': call('backup:restore'),
    'batch:quote': call('batch:quote'),
    'batch:start': call('batch:start'),
    'batch:pause': call('batch:pause'),
    'batch:resume': call('batch:resume'),
    'batch:cancel': call('batch:cancel'),
    'batch:state': call('batch:state'),
    'batch:list': call('batch:list'),
    'batch:items': call('batch:items'),
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
      models: methods['providers:models'],
      discover: methods['providers:discover'],
    },
    ask: { start: methods['ask:start'], cancel: methods['ask:cancel'], plan: methods['ask:plan'] },
    answers: { get: methods['answers:get'], copy: methods['answers:copy'] },
    batch: {
      quote: methods['batch:quote'],
      start: methods['batch:start'],
      pause: methods['batch:pause'],
      resume: methods['batch:resume'],
      cancel: methods['batch:cancel'],
      state: methods['batch:state'],
      list: methods['batch:list'],
      items: methods['batch:items'],
    },
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
    exports: { answer: methods['export:answer'], matter: methods['export:matter'] },
    backups: {
      create: methods['backup:create'],
      choose: methods['backup:choose'],
      restore: methods['backup:restore'],
    },
    files: {
      /**
       * Hands a dropped or picked file over to main, which may then read it:
       * its path comes from the File itself (Electron's webUtils), so the page
       * can name no other. Null where the File has no path (one the page made,
       * or the browser), to be sent as bytes.
       */
      handOver: (file: Blob & { name: string }): Promise<Envelope<HandedOver | null>> => {
        const path = isFile(file) ? transport.pathForFile?.(file) : undefined;
        if (!path) return Promise.resolve({ ok: true, value: null });
        return invoke('files:handOver', { path });
      },
    },
    /** Main's events, one subscription per name (event-names.ts); payloads are typed by events.ts. */
    events: { on: subscribe },
  };
}

/**
 * A channel called with its contract's types. Main built the value from the
 * channel's output schema (and checks it against the schema under test:
 * main/app.ts), so the reply is typed, not parsed again here.
 */
export function typedInvoke(transport: Pick<Transport, 'invoke'>) {
  return <C extends Channel>(channel: C, input?: ChannelInput<C>) =>
    transport.invoke(channel, input) as Promise<Envelope<ChannelOutput<C>>>;
}

function isFile(value: unknown): value is Blob & { name: string } {
  return typeof Blob !== 'undefined' && value instanceof Blob && typeof (value as { name?: unknown }).name === 'string';
}

/** What the preload (or the browser test host) installs as `window.api`. */
export type LexDeskBridge = ReturnType<typeof createApi>;
