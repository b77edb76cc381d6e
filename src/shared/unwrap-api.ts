import type { LexDeskBridge } from './api';
import type { Envelope } from './envelope';
import { AppError } from './errors';

type EnvelopeGroup = Record<string, (...args: never[]) => Promise<Envelope<unknown>>>;
type Unwrapped<G extends EnvelopeGroup> = {
  [K in keyof G]: G[K] extends (...args: infer A) => Promise<Envelope<infer T>> ? (...args: A) => Promise<T> : never;
};

function unwrapGroup<G extends EnvelopeGroup>(group: G): Unwrapped<G> {
  const methods = Object.entries(group).map(([name, method]) => [
    name,
    async (...args: never[]) => {
      const envelope = await method(...args);
      if (!envelope.ok) throw AppError.fromData(envelope.error);
      return envelope.value;
    },
  ]);
  return Object.fromEntries(methods) as Unwrapped<G>;
}

/** The renderer's side of the bridge: the same methods, resolving to values and throwing coded `AppError`s. */
export function unwrapApi(bridge: LexDeskBridge) {
  return {
    app: unwrapGroup(bridge.app),
    settings: unwrapGroup(bridge.settings),
    secrets: unwrapGroup(bridge.secrets),
    documents: unwrapGroup(bridge.documents),
    providers: unwrapGroup(bridge.providers),
    ask: unwrapGroup(bridge.ask),
    answers: unwrapGroup(bridge.answers),
    batch: unwrapGroup(bridge.batch),
    history: unwrapGroup(bridge.history),
    matters: unwrapGroup(bridge.matters),
    exports: unwrapGroup(bridge.exports),
    backups: unwrapGroup(bridge.backups),
    files: unwrapGroup(bridge.files),
    events: bridge.events,
  };
}

export type LexDeskApi = ReturnType<typeof unwrapApi>;
