import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { Envelope } from './envelope';
import { AppError } from './errors';
import type { AppEvent } from './events';

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

type Method<C extends Channel> =
  ChannelInput<C> extends undefined
    ? () => Promise<ChannelOutput<C>>
    : (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

type Methods = { [C in Channel]: Method<C> };

/** The whole `window.api`: one named function per channel, never a raw invoke. */
export function createApi(transport: Transport) {
  const call =
    <C extends Channel>(channel: C) =>
    async (input?: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const envelope = await transport.invoke(channel, input);
      if (!envelope.ok) throw AppError.fromData(envelope.error);
      // Main built this value from the channel's output schema.
      return envelope.value as ChannelOutput<C>;
    };

  // Typed as `Methods`, so the compiler names any channel left without a method.
  const methods: Methods = {
    'app:info': call('app:info'),
    'settings:get': call('settings:get'),
    'settings:set': call('settings:set'),
    'secrets:status': call('secrets:status'),
    'documents:ingest': call('documents:ingest'),
    'documents:list': call('documents:list'),
    'documents:get': call('documents:get'),
    'documents:file': call('documents:file'),
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
    files: {
      /** Where main can read a dropped file from, or null where it must be sent as bytes. */
      pathFor: (file: Blob & { name: string }): string | null => transport.pathForFile?.(file) || null,
    },
    onEvent: (listener: (event: AppEvent) => void): (() => void) => transport.onEvent(listener),
  };
}

export type LexDeskApi = ReturnType<typeof createApi>;
