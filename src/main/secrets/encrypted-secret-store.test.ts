import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../services';
import { createTempServices } from '../testing/temp-services';
import type { SecretCipher } from './encrypted-secret-store';

/** Stands in for the OS keychain: a reversible transform whose output never contains the plaintext. */
function fakeCipher(backend: ReturnType<SecretCipher['backend']>, available = true): SecretCipher {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    backend: () => backend,
    encrypt: (plaintext) => flip(Buffer.from(plaintext, 'utf8')),
    decrypt: (ciphertext) => flip(ciphertext).toString('utf8'),
  };
}

const opened: ReturnType<typeof createTempServices>[] = [];
const open = (cipher: SecretCipher, dataDir?: string) => {
  const services = createTempServices(dataDir ? { cipher, dataDir } : { cipher });
  opened.push(services);
  return services;
};
afterEach(() => {
  for (const services of opened.splice(0)) services.dispose();
});

const KEY = 'sk-moonshot-0123456789abcdef';

describe('encrypted secret store', () => {
  it('keeps a key from the OS keychain as ciphertext only, across a restart', () => {
    const services = open(fakeCipher('os-keychain'));
    expect(services.secrets.status()).toEqual({ backend: 'os-keychain', canPersist: true, weak: false });
    services.secrets.set('provider:moonshot', KEY);
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(services.dataDir, DATABASE_FILE)).includes(KEY)).toBe(false);
    services.close();

    const reopened = createTempServices({ cipher: fakeCipher('os-keychain'), dataDir: services.dataDir });
    expect(reopened.secrets.get('provider:moonshot')).toBe(KEY);
    reopened.secrets.remove('provider:moonshot');
    expect(reopened.secrets.get('provider:moonshot')).toBeUndefined();
    reopened.close();
  });

  it('refuses to save a key under basic_text until the user accepts weaker storage', () => {
    const services = open(fakeCipher('basic-text'));
    expect(services.secrets.status()).toEqual({ backend: 'basic-text', canPersist: false, weak: false });
    expect(() => services.secrets.set('provider:openai', KEY)).toThrowError(
      expect.objectContaining({ code: 'SECRET_STORAGE_WEAK' }),
    );
    expect(services.db.prepare('SELECT count(*) AS n FROM secrets').get()).toEqual({ n: 0 });

    services.settings.set({ key: 'acceptWeakKeyStorage', value: true });
    expect(services.secrets.status()).toEqual({ backend: 'basic-text', canPersist: true, weak: true });
    services.secrets.set('provider:openai', KEY);
    expect(services.secrets.get('provider:openai')).toBe(KEY);
    expect(services.db.prepare('SELECT backend FROM secrets').get()).toEqual({ backend: 'basic-text' });
  });

  it('refuses to save anything when the OS cannot encrypt at all', () => {
    const services = open(fakeCipher('os-keychain', false));
    expect(services.secrets.status()).toEqual({ backend: 'unavailable', canPersist: false, weak: false });
    expect(() => services.secrets.set('provider:openai', KEY)).toThrowError(
      expect.objectContaining({ code: 'SECRET_STORAGE_UNAVAILABLE' }),
    );
  });

  it('without an OS cipher (CLI, tests) keeps keys in memory and writes none to disk', () => {
    const services = createTempServices();
    opened.push(services);
    expect(services.secrets.status()).toEqual({ backend: 'memory', canPersist: false, weak: false });
    services.secrets.set('provider:openai', KEY);
    expect(services.secrets.get('provider:openai')).toBe(KEY);
    expect(services.db.prepare('SELECT count(*) AS n FROM secrets').get()).toEqual({ n: 0 });
  });
});
