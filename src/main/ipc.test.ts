import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../shared/contract';
import type { Envelope } from '../shared/envelope';
import { AppError } from '../shared/errors';
import { createApp } from './app';
import { headlessDesktop } from './desktop/desktop';
import { sendEvent } from './event-routing';
import { createDispatcher, type Dispatch, type Handlers, isTrustedSender, registerContract } from './ipc';
import { createTempServices } from './testing/temp-services';

let services: ReturnType<typeof createTempServices>;
let dispatch: Dispatch;
beforeEach(() => {
  services = createTempServices();
  dispatch = createApp({ services, desktop: headlessDesktop }).dispatch;
});
afterEach(() => services.dispose());

describe('dispatcher', () => {
  it('answers a valid request with the service result', async () => {
    expect(await dispatch('settings:get', undefined)).toEqual({
      ok: true,
      value: { language: 'vi', theme: 'system', acceptWeakKeyStorage: false, vndRate: null },
    });
  });

  it.each([
    ['a key that does not exist', { key: 'fontSize', value: 14 }],
    ['a value outside the schema', { key: 'language', value: 'fr' }],
    ['a value of the wrong type', { key: 'acceptWeakKeyStorage', value: 'yes' }],
    ['no object at all', 'language=en'],
    ['nothing', undefined],
  ])('rejects %s with INVALID_INPUT and changes nothing', async (_name, payload) => {
    const result = await dispatch('settings:set', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/^Dữ liệu gửi lên không hợp lệ/);
    expect(services.settings.get().language).toBe('vi');
  });

  it('rejects input on a channel that takes none', async () => {
    const result = await dispatch('settings:get', { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('writes error messages in the language the user chose', async () => {
    services.settings.set({ key: 'language', value: 'en' });
    const result = await dispatch('settings:set', { key: 'language', value: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toMatch(/^The request was not valid: value: Invalid option/);
  });

  it('refuses a channel outside the contract', async () => {
    expect(await dispatch('fs:readFile', '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', details: { channel: 'fs:readFile' } },
    });
    // Inherited object keys are not channels either.
    expect(await dispatch('constructor', undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('passes an AppError through as data and hides anything else behind INTERNAL_ERROR', async () => {
    const onUnexpectedError = vi.fn();
    const failing: Handlers = {
      ...createApp({ services, desktop: headlessDesktop }).handlers,
      'secrets:status': () => {
        throw new AppError('SECRET_STORAGE_UNAVAILABLE');
      },
      'app:info': () => {
        throw new Error('SQLITE_IOERR at /home/lawyer/secret/path');
      },
    };
    const guarded = createDispatcher(failing, { language: () => 'en', onUnexpectedError });

    expect(await guarded('secrets:status', undefined)).toMatchObject({
      ok: false,
      error: { code: 'SECRET_STORAGE_UNAVAILABLE' },
    });
    const hidden = await guarded('app:info', undefined);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(JSON.stringify(hidden)).not.toContain('/home/lawyer');
    expect(onUnexpectedError).toHaveBeenCalledWith('app:info', expect.any(Error));
  });

  it('checks answers against the output schema when asked (as tests do), and only then', async () => {
    const onUnexpectedError = vi.fn();
    const drifted: Handlers = {
      ...createApp({ services, desktop: headlessDesktop }).handlers,
      'history:cacheStats': () => ({ hits: 1.5, saved: 'none' }) as unknown as { hits: number; saved: number },
    };
    const checked = createDispatcher(drifted, { language: () => 'en', onUnexpectedError, checkOutputs: true });
    expect(await checked('history:cacheStats', undefined)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL_ERROR' },
    });
    expect(String(onUnexpectedError.mock.calls[0]?.[1])).toContain(
      'history:cacheStats answered outside its output schema',
    );
    const unchecked = createDispatcher(drifted, { language: () => 'en' });
    expect(await unchecked('history:cacheStats', undefined)).toEqual({ ok: true, value: { hits: 1.5, saved: 'none' } });
  });
});

describe('sender check', () => {
  const trusted = ['app://lexdesk'];
  it.each([
    [{ url: 'app://lexdesk/index.html', isMainFrame: true }, true],
    [{ url: 'app://lexdesk/index.html', isMainFrame: false }, false],
    [{ url: 'app://evil/index.html', isMainFrame: true }, false],
    [{ url: 'https://lexdesk/index.html', isMainFrame: true }, false],
    [{ url: 'file:///tmp/index.html', isMainFrame: true }, false],
    [{ url: undefined, isMainFrame: true }, false],
    [{ url: 'not a url', isMainFrame: true }, false],
  ])('%o is trusted: %s', (sender, expected) => {
    expect(isTrustedSender(sender, trusted)).toBe(expected);
  });

  it("passes the asking window's id on, for the answer's events to go back to it alone", async () => {
    const seen: unknown[] = [];
    const registered = new Map<string, (event: { id: number }, input: unknown) => Promise<Envelope<unknown>>>();
    registerContract<{ id: number }>(
      { handle: (channel, listener) => registered.set(channel, listener) },
      async (_channel, _input, caller) => {
        seen.push(caller);
        return { ok: true, value: null };
      },
      (event) => ({ url: 'app://lexdesk/index.html', isMainFrame: true, windowId: event.id }),
      ['app://lexdesk'],
      () => 'en',
    );
    await registered.get('ask:start')?.({ id: 7 }, {});
    expect(seen).toEqual([{ windowId: 7 }]);

    const sent: [number, string][] = [];
    const windows = [3, 7].map((id) => ({ webContents: { id, send: (channel: string) => sent.push([id, channel]) } }));
    sendEvent(windows, 'ask:stream', {}, { windowId: 7 });
    sendEvent(windows, 'settings:changed', {});
    expect(sent).toEqual([
      [7, 'lexdesk:event:ask:stream'],
      [3, 'lexdesk:event:settings:changed'],
      [7, 'lexdesk:event:settings:changed'],
    ]);
  });

  it('registers every contract channel and refuses calls from an untrusted frame', async () => {
    const registered = new Map<string, (event: { url: string }, input: unknown) => Promise<Envelope<unknown>>>();
    registerContract<{ url: string }>(
      { handle: (channel, listener) => registered.set(channel, listener) },
      dispatch,
      (event) => ({ url: event.url, isMainFrame: true, windowId: 1 }),
      ['app://lexdesk'],
      () => 'en',
    );
    expect([...registered.keys()].sort()).toEqual([...channels].sort());

    const get = registered.get('settings:get');
    expect(await get?.({ url: 'app://lexdesk/index.html' }, undefined)).toMatchObject({ ok: true });
    expect(await get?.({ url: 'https://attacker.example/' }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    });
  });
});
