import type { Migration } from '../migrate';

/** User settings, one row a key, the value as JSON so each key keeps its type. */
export const m001Settings: Migration = {
  version: 1,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
