import type { SecretStorageStatus } from '../../shared/secrets';

/** Where API keys live. Main alone holds one; a key never goes back to a renderer. */
export interface SecretStore {
  status(): SecretStorageStatus;
  get(name: string): string | undefined;
  /** Throws `SECRET_STORAGE_WEAK` or `SECRET_STORAGE_UNAVAILABLE` rather than save a key unsafely. */
  set(name: string, value: string): void;
  remove(name: string): void;
}
