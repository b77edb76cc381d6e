import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../main/app';
import { headlessDesktop } from '../main/desktop/desktop';
import { startProviderTestServer } from '../main/llm/testing/provider-test-server';
import { migrations } from '../main/store/migrations';
import { createTempServices } from '../main/testing/temp-services';
import { createApi, type Transport } from './api';
import { channels } from './contract';
import { AppError } from './errors';
import type { EventName } from './events';
import { providerPresets } from './provider-presets';
import { type LexDeskApi, unwrapApi } from './unwrap-api';

let services: ReturnType<typeof createTempServices>;
let api: LexDeskApi;
let transport: Transport;
let invoked: string[];
let listeners: { name: EventName; listener: (payload: never) => void }[];

beforeEach(() => {
  listeners = [];
  invoked = [];
  services = createTempServices({
    emit: (name, payload) => {
      for (const subscribed of listeners)
        if (subscribed.name === name) subscribed.listener(structuredClone(payload as never));
    },
  });
  const { dispatch } = createApp({ services, desktop: headlessDesktop });
  // Structured cloning is what both real transports do to every payload.
  transport = {
    invoke: async (channel, input) => {
      invoked.push(channel);
      return structuredClone(await dispatch(channel, structuredClone(input)));
    },
    on: (name, listener) => {
      const subscribed = { name, listener };
      listeners.push(subscribed);
      return () => listeners.splice(listeners.indexOf(subscribed), 1);
    },
  };
  api = unwrapApi(createApi(transport));
});
afterEach(() => services.dispose());

describe('createApi', () => {
  it('round-trips settings through the real dispatcher', async () => {
    expect(await api.settings.get()).toMatchObject({ language: 'vi' });
    expect(await api.settings.set({ key: 'language', value: 'en' })).toMatchObject({ language: 'en' });
    expect(await api.settings.get()).toMatchObject({ language: 'en' });
  });

  it('rethrows an error envelope as an AppError with its code and localized message', async () => {
    const call = api.settings.set({ key: 'language', value: 'fr' as 'vi' });
    await expect(call).rejects.toBeInstanceOf(AppError);
    await expect(call).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/không hợp lệ/) });
  });

  it('delivers pushed events by name until unsubscribed', async () => {
    const seen: unknown[] = [];
    const others: unknown[] = [];
    const unsubscribe = api.events.on('settings:changed', (payload) => seen.push(payload.settings.theme));
    api.events.on('documents:progress', (payload) => others.push(payload));
    await api.settings.set({ key: 'theme', value: 'dark' });
    unsubscribe();
    await api.settings.set({ key: 'theme', value: 'light' });
    expect(seen).toEqual(['dark']);
    expect(others).toEqual([]);
  });

  it('exposes one method for every channel of the contract, and nothing else', async () => {
    await api.app.info();
    await api.settings.get();
    await api.settings.set({ key: 'theme', value: 'system' });
    await api.secrets.status();
    const doc = await api.documents.ingest({
      ingestId: 'one',
      name: 'dieu-1.txt',
      bytes: new TextEncoder().encode('Điều 1. Phạm vi điều chỉnh'),
    });
    expect(await api.documents.list()).toEqual([expect.objectContaining({ sha256: doc.sha256 })]);
    expect((await api.documents.get({ sha256: doc.sha256 })).pageTexts[0]?.text).toBe('Điều 1. Phạm vi điều chỉnh');
    expect(new TextDecoder().decode(await api.documents.file({ sha256: doc.sha256 }))).toBe(
      'Điều 1. Phạm vi điều chỉnh',
    );
    const server = await startProviderTestServer({ answer: 'Điều 1 [p. 1, Điều 1].' });
    try {
      const [preset] = providerPresets;
      if (!preset) throw new Error('no presets');
      const config = { ...preset, id: 'local', baseUrl: server.openaiBaseUrl };
      expect(await api.providers.save(config)).toMatchObject({ id: 'local', key: { set: false, last4: null } });
      expect(await api.providers.setKey({ providerId: 'local', key: 'sk-abcd-1234' })).toMatchObject({
        key: { set: true, last4: '1234' },
      });
      expect(JSON.stringify(await api.providers.list())).not.toContain('sk-abcd');
      const model = config.models[0]?.model ?? '';
      expect(await api.providers.test({ providerId: 'local', model })).toMatchObject({ ok: true });
      expect(await api.providers.models({ providerId: 'local' })).toEqual(['test-model']);
      expect(Array.isArray(await api.providers.discover())).toBe(true);
      // A one-line document fits whole: that is the plan main recommends.
      expect(
        await api.ask.plan({ documentIds: [doc.sha256], providerId: 'local', model, question: 'Điều 1?' }),
      ).toMatchObject({ chosen: { strategy: 'whole', fits: true }, reason: 'fits-whole' });
      const started = await api.ask.start({
        documentIds: [doc.sha256],
        providerId: 'local',
        model,
        question: 'Điều 1?',
      });
      await api.ask.cancel({ streamId: started.streamId });
      expect(await api.answers.get({ answerId: started.answerId })).toMatchObject({ question: 'Điều 1?' });
      // The CLI and tests have no clipboard (headlessDesktop): the call is answered, and nothing is put anywhere.
      expect(await api.answers.copy({ answerId: started.answerId })).toBeNull();
      expect(await api.history.page({ limit: 10, offset: 0 })).toMatchObject({ total: 1 });
      expect(await api.history.search({ query: 'dieu', limit: 10 })).toContainEqual(
        expect.objectContaining({ kind: 'document' }),
      );
      expect(await api.history.cacheStats()).toEqual({ hits: 0, saved: 0 });
      const matter = await api.matters.create({ name: 'Vụ việc A' });
      expect(await api.matters.rename({ matterId: matter.id, name: 'Vụ việc B' })).toMatchObject({ name: 'Vụ việc B' });
      expect(await api.matters.assign({ matterId: matter.id, answerIds: [started.answerId] })).toBeNull();
      expect(await api.matters.list()).toEqual([expect.objectContaining({ answers: 1 })]);
      expect(await api.history.page({ limit: 10, offset: 0, matterId: matter.id })).toMatchObject({ total: 1 });
      // No one answers a dialog here (the headless desktop): each file action ends unanswered, writing nothing.
      expect(await api.exports.answer({ answerId: started.answerId, format: 'docx' })).toBeNull();
      expect(await api.exports.matter({ matterId: matter.id, format: 'md' })).toBeNull();
      expect(await api.backups.create()).toBeNull();
      expect(await api.backups.choose()).toBeNull();
      await expect(api.backups.restore({ token: 'unchosen' })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      expect(await api.matters.remove({ matterId: matter.id })).toMatchObject({ answers: 1 });
      // A batch: priced, started, paused, resumed, read, listed, cancelled.
      const questions = [{ id: 'dieu-1', text: 'Điều 1 quy định gì?', type: 'text' as const }];
      expect(await api.batch.quote({ documentIds: [doc.sha256], questions })).toEqual(
        expect.arrayContaining([expect.objectContaining({ providerId: 'local', model })]),
      );
      const job = await api.batch.start({
        name: 'Lô 1',
        documentIds: [doc.sha256],
        questions,
        providerId: 'local',
        model,
      });
      expect(job).toMatchObject({ total: 1, name: 'Lô 1' });
      expect(await api.batch.pause({ jobId: job.id })).toMatchObject({ id: job.id });
      expect(await api.batch.resume({ jobId: job.id })).toMatchObject({ id: job.id });
      expect(await api.batch.state({ jobId: job.id })).toMatchObject({ id: job.id, total: 1 });
      expect(await api.batch.list()).toEqual([expect.objectContaining({ id: job.id })]);
      expect(await api.batch.items({ jobId: job.id, offset: 0, limit: 10 })).toHaveLength(1);
      expect(await api.batch.cancel({ jobId: job.id })).toMatchObject({
        status: expect.stringMatching(/cancelled|done/),
      });
      await api.providers.clearKey({ providerId: 'local' });
      expect(await api.providers.remove({ providerId: 'local' })).toBeNull();
    } finally {
      await server.close();
    }
    // A File whose path the transport knows (a drop, in Electron) is handed over; main then reads it by token.
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dropped = join(mkdtempSync(join(tmpdir(), 'lexdesk-drop-')), 'phu-luc.txt');
    writeFileSync(dropped, 'Phụ lục 1.');
    const withPaths = unwrapApi(createApi({ ...transport, pathForFile: () => dropped }));
    const handed = await withPaths.files.handOver(new File(['Phụ lục 1.'], 'phu-luc.txt'));
    expect(handed).toMatchObject({ name: 'phu-luc.txt' });
    expect([...new Set(invoked)].sort()).toEqual([...channels].sort());
    const methods = Object.values(api).flatMap((group) =>
      typeof group === 'function' ? [group] : Object.values(group),
    );
    // One a channel, files:handOver taken by files.handOver(file), and events.on.
    expect(methods).toHaveLength(channels.length + 1);
    const bridge = createApi(transport);
    // The bridge itself answers envelopes: plain data that crosses Electron's context bridge whole.
    expect(await bridge.settings.set({ key: 'language', value: 'fr' as 'vi' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('reports the data dir and schema version of the running services', async () => {
    expect(await api.app.info()).toMatchObject({ dataDir: services.dataDir, databaseSchemaVersion: migrations.length });
  });
});
