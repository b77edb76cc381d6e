import type { Migration } from '../migrate';

/**
 * API keys, only ever as ciphertext from the OS secret store. `backend` records
 * what encrypted each one, so a key saved under weaker storage can be found.
 */
export const m002Secrets: Migration = {
  version: 2,
  name: 'secrets',
  up(db) {
    db.exec(`
      CREATE TABLE secrets (
        name       TEXT PRIMARY KEY,
        ciphertext BLOB NOT NULL,
        backend    TEXT NOT NULL CHECK (backend IN ('os-keychain', 'basic-text')),
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
