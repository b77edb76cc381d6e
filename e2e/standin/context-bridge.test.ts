import { describe, expect, it } from 'vitest';
import { copyAcrossBridge, exposeInWorld } from './context-bridge';

// Each case is a row of the parameter, error and return type table on Electron's contextBridge page.
describe('copyAcrossBridge, as contextBridge copies', () => {
  it('copies plain data, and freezes the copy so neither side sees the other change', () => {
    const original = { name: 'Hợp đồng', pages: [1, 2], nested: { ok: true } };
    const copied = copyAcrossBridge(original) as typeof original;
    expect(copied).toEqual(original);
    expect(copied).not.toBe(original);
    expect(Object.isFrozen(copied) && Object.isFrozen(copied.pages) && Object.isFrozen(copied.nested)).toBe(true);
    original.nested.ok = false;
    expect(copied.nested.ok).toBe(true);
  });

  it('drops prototypes, getters and symbols: a class instance arrives as its own data', () => {
    class Answer {
      text = 'Điều 8';
      get upper() {
        return this.text.toUpperCase();
      }
      words() {
        return this.text.split(' ');
      }
    }
    const withSymbol = { [Symbol('secret')]: 1, tag: Symbol('tag'), kept: 2 };
    const copied = copyAcrossBridge({ answer: new Answer(), withSymbol }) as {
      answer: Answer;
      withSymbol: Record<string | symbol, unknown>;
    };
    expect(Object.getPrototypeOf(copied.answer)).toBe(Object.prototype);
    expect(copied.answer).toEqual({ text: 'Điều 8' });
    expect('words' in copied.answer).toBe(false);
    const getter = copyAcrossBridge(
      Object.defineProperty({}, 'computed', { get: () => 42, enumerable: true }),
    ) as Record<string, unknown>;
    expect(getter).toEqual({});
    expect(copied.withSymbol).toEqual({ tag: undefined, kept: 2 });
    expect(Object.getOwnPropertySymbols(copied.withSymbol)).toEqual([]);
  });

  it('carries an Error as a new Error with its message only: a code on it is lost', async () => {
    const coded = Object.assign(new TypeError('Khóa API không hợp lệ'), { code: 'INVALID_API_KEY' });
    const copied = copyAcrossBridge(coded) as Error & { code?: string };
    expect(copied.message).toBe('Khóa API không hợp lệ');
    expect(copied.code).toBeUndefined();
    expect(copied).not.toBeInstanceOf(TypeError);
    const thrower = copyAcrossBridge(() => {
      throw coded;
    }) as () => void;
    expect(thrower).toThrow('Khóa API không hợp lệ');
    try {
      thrower();
    } catch (error) {
      expect((error as { code?: string }).code).toBeUndefined();
    }
    const rejecting = copyAcrossBridge(async () => Promise.reject(coded)) as () => Promise<void>;
    await expect(rejecting()).rejects.toMatchObject({ message: 'Khóa API không hợp lệ' });
    await rejecting().catch((error: { code?: string }) => expect(error.code).toBeUndefined());
  });

  it('proxies functions both ways, copying arguments and results', async () => {
    const seen: unknown[] = [];
    const api = copyAcrossBridge({
      call: (input: { bytes: Uint8Array }, listener: (value: unknown) => void) => {
        seen.push(input);
        listener({ from: 'preload' });
        return Promise.resolve({ ok: true, value: input.bytes.length });
      },
    }) as { call(input: { bytes: Uint8Array }, listener: (value: unknown) => void): Promise<unknown> };
    const bytes = new Uint8Array([1, 2, 3]);
    const heard: unknown[] = [];
    await expect(api.call({ bytes }, (value) => heard.push(value))).resolves.toEqual({ ok: true, value: 3 });
    expect((seen[0] as { bytes: Uint8Array }).bytes).not.toBe(bytes);
    expect((seen[0] as { bytes: Uint8Array }).bytes).toEqual(bytes);
    expect(heard).toEqual([{ from: 'preload' }]);
  });

  it('lets a Promise cross as a whole value, and drops one nested in an object', async () => {
    await expect(copyAcrossBridge(Promise.resolve({ n: 1 }))).resolves.toEqual({ n: 1 });
    const nested = copyAcrossBridge({ pending: Promise.resolve(1), kept: 'x' }) as Record<string, unknown>;
    expect(nested.pending).toBeUndefined();
    expect(nested.kept).toBe('x');
  });
});

describe('exposeInWorld, as contextBridge.exposeInMainWorld', () => {
  it('puts a frozen copy on the world and refuses to overwrite what is there', () => {
    const world: Record<string, unknown> = { taken: 1 };
    exposeInWorld(world, 'api', { get: () => 'value' });
    expect(Object.isFrozen(world.api)).toBe(true);
    expect((world.api as { get(): string }).get()).toBe('value');
    expect(() => exposeInWorld(world, 'taken', {})).toThrow('Cannot bind an API on top of an existing property');
  });
});
