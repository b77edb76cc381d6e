import type { SecretStore } from './secret-store';

/**
 * Keys held by this process only, for the CLI (which reads them from the
 * environment) and for tests. Nothing is written anywhere.
 */
export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const keys = new Map(Object.entries(initial));
  return {
    status: () => ({ backend: 'memory', canPersist: false, weak: false }),
    get: (name) => keys.get(name),
    set: (name, value) => {
      keys.set(name, value);
    },
    remove: (name) => {
      keys.delete(name);
    },
  };
}
