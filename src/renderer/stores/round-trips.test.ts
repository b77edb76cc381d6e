import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../main/app';
import { headlessDesktop } from '../../main/desktop/desktop';
import {
  type ProviderTestServer,
  startProviderTestServer,
  testProvider,
} from '../../main/llm/testing/provider-test-server';
import { createTempServices } from '../../main/testing/temp-services';
import type { EventName } from '../../shared/events';

// The window's stores over the real dispatcher and services, with main's events delivered as the preload does:
// what the lists show after an answer or a removal comes from replies and pushed events, and the calls are counted.

const ANSWER = 'Theo Điều 8, bên vi phạm chịu phạt 8% giá trị phần nghĩa vụ bị vi phạm [p. 1, Điều 8].';
const KEY = 'sk-test-0123456789';
const QUESTION = 'Phạt vi phạm bao nhiêu?';

let server: ProviderTestServer;
let services: ReturnType<typeof createTempServices>;
let calls: string[];
let listeners: { name: EventName; listener: (payload: never) => void }[];
let documentId: string;

beforeAll(async () => {
  server = await startProviderTestServer();
});
afterAll(() => server.close());

beforeEach(async () => {
  server.requests.length = 0;
  server.script({ answer: ANSWER, apiKey: KEY, tokensPerSecond: 2000 });
  listeners = [];
  services = createTempServices({
    emit: (name, payload) => {
      for (const { name: wanted, listener } of listeners)
        if (wanted === name) listener(structuredClone(payload) as never);
    },
  });
  services.providers.save(testProvider({ id: 'kimi', name: 'Kimi (test)', baseUrl: server.openaiBaseUrl }));
  services.providers.setKey('kimi', KEY);
  const doc = await services.documents.ingest({
    ingestId: 'seed',
    name: 'hop-dong.txt',
    bytes: new TextEncoder().encode('Điều 8. Phạt vi phạm: 8% giá trị.'),
  });
  documentId = doc.sha256;

  const { dispatch } = createApp({ services, desktop: headlessDesktop, checkOutputs: true });
  calls = [];
  vi.resetModules();
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
  vi.stubGlobal('cancelAnimationFrame', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
  const { createApi } = await import('../../shared/api');
  vi.stubGlobal('window', {
    api: createApi({
      invoke: async (channel, input) => {
        calls.push(channel);
        return structuredClone(await dispatch(channel, structuredClone(input)));
      },
      on: (name, listener) => {
        const subscribed = { name, listener: listener as (payload: never) => void };
        listeners.push(subscribed);
        return () => listeners.splice(listeners.indexOf(subscribed), 1);
      },
    }),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  services.dispose();
});

/** The stores as the window has them after start: lists loaded, main's events subscribed to. */
async function windowStores() {
  const [{ useAsk, shownAnswer }, { useHistory, rowOf }, { useDocuments }, { subscribeToMain }, settings, { api }] =
    await Promise.all([
      import('./ask-store'),
      import('./history-store'),
      import('./documents-store'),
      import('../main-events'),
      import('./settings-store'),
      import('../api'),
    ]);
  subscribeToMain(api, settings.createSettingsStore(services.settings.get()));
  await Promise.all([useHistory.getState().refresh(), useDocuments.getState().load()]);
  calls = [];
  const shown = () => shownAnswer(useAsk.getState());
  return { useAsk, useHistory, useDocuments, rowOf, shown };
}

describe('round trips from the window', () => {
  it('a finished answer reaches the history, the matter and the documents with no call after ask:start', async () => {
    const matter = services.matters.create('Vụ An Phát');
    const { useAsk, useHistory, useDocuments, rowOf, shown } = await windowStores();
    const announced: string[] = [];
    listeners.push({
      name: 'history:changed',
      listener: ((change: { item: { status: string } }) => announced.push(change.item.status)) as never,
    });

    await useAsk.getState().ask({
      documentIds: [documentId],
      providerId: 'kimi',
      model: 'test-model',
      question: QUESTION,
      matterId: matter.id,
    });
    await vi.waitFor(() => expect(shown()?.status).toBe('done'));
    const answerId = shown()?.started?.answerId;
    await vi.waitFor(() => expect(rowOf(useHistory.getState().groups[matter.id], 0)?.answerId).toBe(answerId));

    expect(calls).toEqual(['ask:start']);
    // In the sidebar from its first byte, then the same row finished: one row, not two.
    expect(announced).toEqual(['streaming', 'done']);
    expect(shown()?.text).toBe(ANSWER);
    expect(rowOf(useHistory.getState().groups[matter.id], 0)).toMatchObject({ status: 'done', question: QUESTION });
    expect(useHistory.getState().groups[matter.id]?.total).toBe(1);
    expect(useHistory.getState().matters).toEqual([
      expect.objectContaining({ id: matter.id, answers: 1, documents: 1 }),
    ]);
    expect(useDocuments.getState().documents).toEqual([
      expect.objectContaining({ sha256: documentId, matterId: matter.id }),
    ]);
  });

  it('a cached answer comes whole in the one reply to ask:start', async () => {
    const input = { documentIds: [documentId], providerId: 'kimi', model: 'test-model', question: QUESTION };
    await services.ask.start(input).finished;
    const { useAsk, shown } = await windowStores();

    await useAsk.getState().ask(input);

    expect(calls).toEqual(['ask:start']);
    expect(shown()).toMatchObject({ status: 'done', text: ANSWER, cost: 0, started: { cached: true } });
    expect(server.requests).toHaveLength(1);
  });

  it('removing a matter is one call, and what went with it leaves every list', async () => {
    const matter = services.matters.create('Vụ B');
    const input = { documentIds: [documentId], providerId: 'kimi', model: 'test-model', question: QUESTION };
    const answer = await services.ask.start({ ...input, matterId: matter.id }).finished;
    const { useHistory, useDocuments } = await windowStores();
    useHistory.getState().openAnswer(answer.id);
    useDocuments.getState().open(documentId);

    await useHistory.getState().removeMatter(matter.id);

    expect(calls).toEqual(['matters:remove']);
    const history = useHistory.getState();
    expect([history.matters, history.groups[matter.id], history.openAnswerId]).toEqual([[], undefined, null]);
    const documents = useDocuments.getState();
    expect([documents.documents, documents.openSha256]).toEqual([[], null]);
    // What the lists now show is what main would list.
    expect(services.documents.list()).toEqual([]);
    expect(services.history.page(10, 0).total).toBe(0);
  });
});
