import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPreloadScope, PRELOAD_PARAMETERS, runPreload } from './preload-sandbox';

const BUILT_PRELOAD = resolve(__dirname, '../../out/preload/index.js');

function compile(source: string): (...args: unknown[]) => void {
  return new Function(...PRELOAD_PARAMETERS, source) as (...args: unknown[]) => void;
}

function load(source: string, pathForFile?: (file: unknown) => string) {
  const calls: { channel: string; args: unknown[] }[] = [];
  const mainWorld: Record<string, unknown> = {};
  const scope = createPreloadScope({
    mainWorld,
    ...(pathForFile ? { pathForFile } : {}),
    link: {
      invoke: async (channel, args) => {
        calls.push({ channel, args });
        return { ok: true, value: channel };
      },
    },
  });
  runPreload(compile(source), scope);
  return { mainWorld, calls, scope };
}

describe('the sandbox a preload runs in', () => {
  it('serves electron, events, timers and url, and nothing else', () => {
    for (const id of ['electron', 'events', 'timers', 'url']) {
      expect(() => load(`require(${JSON.stringify(id)})`)).not.toThrow();
    }
    for (const id of ['zod', 'fs', 'node:fs', 'path', 'child_process', './chunk.js']) {
      expect(() => load(`require(${JSON.stringify(id)})`)).toThrow(`module not found: ${id}`);
    }
  });

  it('refuses to invoke with a value that cannot be structured-cloned, as Electron does', async () => {
    const { mainWorld } = load(`
      const { contextBridge, ipcRenderer } = require('electron');
      contextBridge.exposeInMainWorld('probe', { send: (value) => ipcRenderer.invoke('x', value) });
    `);
    const probe = mainWorld.probe as { send(value: unknown): Promise<unknown> };
    await expect(probe.send({ callback: () => 1 })).rejects.toThrow('An object could not be cloned.');
    await expect(probe.send({ bytes: new Uint8Array([1, 2]) })).resolves.toEqual({ ok: true, value: 'x' });
  });

  it('delivers a message from main to ipcRenderer listeners with an event object first', () => {
    const { mainWorld, scope } = load(`
      const { contextBridge, ipcRenderer } = require('electron');
      contextBridge.exposeInMainWorld('probe', {
        listen: (listener) => ipcRenderer.on('push', (event, payload) => listener(typeof event.sender, payload)),
      });
    `);
    const seen: unknown[] = [];
    (mainWorld.probe as { listen(listener: (...args: unknown[]) => void): void }).listen((...args) => seen.push(args));
    scope.deliver('push', [{ n: 1 }]);
    expect(seen).toEqual([['object', { n: 1 }]]);
  });
});

describe('the built preload (out/preload/index.js)', () => {
  it('loads in the sandbox and gives every channel a method that reaches ipcRenderer.invoke', async () => {
    expect(existsSync(BUILT_PRELOAD), 'run `npm run build` first').toBe(true);
    // As for a file dropped from the desktop, which Electron's webUtils knows the path of.
    const { mainWorld, calls } = load(readFileSync(BUILT_PRELOAD, 'utf8'), () => '/home/luatsu/hop-dong.pdf');
    const api = mainWorld.api as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    expect(api).toBeDefined();
    const { contract } = await import('../../src/shared/contract');
    const methods = Object.entries(api).flatMap(([group, members]) =>
      typeof members === 'function'
        ? []
        : Object.entries(members).map(([name, method]) => ({ name: `${group}.${name}`, method })),
    );
    for (const { name, method } of methods) {
      // Subscriptions are not calls to main (the next test).
      if (name === 'events.on') continue;
      // files.handOver takes a File, whose path the sandbox's webUtils gives (a dropped one has one).
      await method(name === 'files.handOver' ? new File(['x'], 'dropped.pdf') : { probe: name });
    }
    expect(new Set(calls.map((call) => call.channel))).toEqual(new Set(Object.keys(contract)));
  });

  it("subscribes by event name to that event's channel only, and to no channel the page makes up", async () => {
    const { mainWorld, scope } = load(readFileSync(BUILT_PRELOAD, 'utf8'));
    type On = (name: string, listener: (payload: unknown) => void) => () => void;
    const { on } = (mainWorld.api as { events: { on: On } }).events;
    const streamed: unknown[] = [];
    const settings: unknown[] = [];
    const unsubscribe = on('ask:stream', (payload) => streamed.push(payload));
    on('settings:changed', (payload) => settings.push(payload));
    scope.deliver('lexdesk:event:ask:stream', [{ streamId: 's', seq: 1 }]);
    scope.deliver('lexdesk:event:settings:changed', [{ settings: { theme: 'dark' } }]);
    unsubscribe();
    scope.deliver('lexdesk:event:ask:stream', [{ streamId: 's', seq: 2 }]);
    expect(streamed).toEqual([{ streamId: 's', seq: 1 }]);
    expect(settings).toEqual([{ settings: { theme: 'dark' } }]);
    expect(() => on('ELECTRON_BROWSER_WINDOW_ALERT', () => {})).toThrow(/unknown event/);
  });
});
