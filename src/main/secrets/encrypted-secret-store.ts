import { AppError } from '../../shared/errors';
import type { SecretBackend, SecretStorageStatus } from '../../shared/secrets';
import type { Clock } from '../clock';
import type { Db } from '../store/database';
import type { SecretStore } from './secret-store';

/**
 * The part of Electron's `safeStorage` LexDesk uses, so this store runs under
 * plain Node with a stand-in for the OS keychain.
 */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  /** `basic-text` where Linux has no keyring and Electron falls back to a fixed password. */
  backend(): Exclude<SecretBackend, 'memory'>;
  encrypt(plaintext: string): Buffer;
  decrypt(ciphertext: Buffer): string;
}

export interface EncryptedSecretStoreDependencies {
  db: Db;
  cipher: SecretCipher;
  clock: Clock;
  /** The user's explicit consent, from Settings, to keep keys under `basic-text`. */
  acceptWeak: () => boolean;
}

/** Keys encrypted by the OS and kept as ciphertext in the database. */
export function createEncryptedSecretStore({
  db,
  cipher,
  clock,
  acceptWeak,
}: EncryptedSecretStoreDependencies): SecretStore {
  const select = db.prepare<[string], { ciphertext: Buffer }>('SELECT ciphertext FROM secrets WHERE name = ?');
  const upsert = db.prepare<[string, Buffer, string, number]>(
    `INSERT INTO secrets (name, ciphertext, backend, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET ciphertext = excluded.ciphertext, backend = excluded.backend,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM secrets WHERE name = ?');

  function backend(): SecretBackend {
    return cipher.isEncryptionAvailable() ? cipher.backend() : 'unavailable';
  }

  function status(): SecretStorageStatus {
    const current = backend();
    const weakAllowed = current === 'basic-text' && acceptWeak();
    return { backend: current, canPersist: current === 'os-keychain' || weakAllowed, weak: weakAllowed };
  }

  return {
    status,
    get(name) {
      const row = select.get(name);
      if (!row || backend() === 'unavailable') return undefined;
      return cipher.decrypt(row.ciphertext);
    },
    set(name, value) {
      const current = backend();
      if (current === 'unavailable') throw new AppError('SECRET_STORAGE_UNAVAILABLE');
      if (current === 'basic-text' && !acceptWeak()) throw new AppError('SECRET_STORAGE_WEAK');
      upsert.run(name, cipher.encrypt(value), current, clock.now());
    },
    remove(name) {
      remove.run(name);
    },
  };
}
