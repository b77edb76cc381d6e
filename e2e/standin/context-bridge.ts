/**
 * What Electron's `contextBridge` does to a value on its way between the
 * preload's world and the page's (Electron's "contextBridge" page, its
 * parameter, error and return type table):
 *
 * - functions are proxied: calling one calls the original, with its
 *   arguments and its result carried over by the same rules;
 * - a Promise crosses only as the value itself (an argument or a result);
 *   one nested in an object or array is dropped;
 * - an Error crosses as a new Error with the same message: its own
 *   properties (a `code`, say) and its class are lost;
 * - structured-cloneable values (typed arrays, ArrayBuffer, Blob, Date,
 *   RegExp, Map, Set) are cloned;
 * - other objects, class instances included, arrive as plain objects of
 *   their own enumerable data properties: the prototype, getters and symbol
 *   keys stay behind; symbols themselves are dropped;
 * - everything copied is frozen, so neither side sees the other's changes.
 *
 * The real bridge copies between two V8 worlds; here both sides share one
 * realm, so the copy is what keeps them apart.
 */
export function copyAcrossBridge(value: unknown): unknown {
  return copy(value, true);
}

function copy(value: unknown, asWhole: boolean): unknown {
  if (typeof value === 'function') return proxyFunction(value as (...args: unknown[]) => unknown);
  if (typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Promise) return asWhole ? copyPromise(value) : undefined;
  if (value instanceof Error) return copyError(value);
  // Electron copies a File together with the file on disk behind it, whose path webUtils then reads; a structured
  // clone here would keep neither (under Node, not even the name), so a File crosses as itself.
  if (typeof File !== 'undefined' && value instanceof File) return value;
  if (isCloneable(value)) return structuredClone(value);
  if (Array.isArray(value)) return Object.freeze(value.map((item) => copy(item, false)));
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) plain[key] = copy(descriptor.value, false);
  }
  return Object.freeze(plain);
}

function proxyFunction(original: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    let result: unknown;
    try {
      result = original(...args.map((arg) => copy(arg, true)));
    } catch (error) {
      throw copyError(error);
    }
    return copy(result, true);
  };
}

function copyPromise(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (resolved) => copy(resolved, true),
    (error: unknown) => {
      throw copyError(error);
    },
  );
}

function copyError(error: unknown): unknown {
  return error instanceof Error ? new Error(error.message) : copy(error, false);
}

function isCloneable(value: object): boolean {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Map ||
    value instanceof Set ||
    (typeof Blob !== 'undefined' && value instanceof Blob)
  );
}

/** `contextBridge.exposeInMainWorld` onto `world` (the page's `window`). */
export function exposeInWorld(world: object, key: string, api: unknown): void {
  if (key in world) throw new Error('Cannot bind an API on top of an existing property on the window object');
  Object.defineProperty(world, key, { value: copyAcrossBridge(api), enumerable: true });
}
