import { z } from 'zod';

/**
 * Where API keys would be kept. `os-keychain`: encrypted by the OS (Keychain,
 * DPAPI, libsecret, KWallet). `basic-text`: Linux without a keyring, where
 * Electron only obfuscates with a fixed password. `memory`: this process only
 * (CLI and tests). `unavailable`: nothing can encrypt.
 */
export const secretBackendSchema = z.enum(['os-keychain', 'basic-text', 'memory', 'unavailable']);
export type SecretBackend = z.infer<typeof secretBackendSchema>;

export const secretStorageStatusSchema = z.object({
  backend: secretBackendSchema,
  /** Whether a key set now would be saved across restarts. */
  canPersist: z.boolean(),
  /** Whether keys would be saved under weaker protection because the user accepted it. */
  weak: z.boolean(),
});
export type SecretStorageStatus = z.infer<typeof secretStorageStatusSchema>;
