import type { Migration } from '../migrate';

/** Model providers the user set up, and the models of each with their prices (editable data). Keys live in `secrets`. */
export const m004Providers: Migration = {
  version: 4,
  name: 'providers',
  up(db) {
    db.exec(`
      CREATE TABLE providers (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('openai', 'anthropic')),
        name       TEXT NOT NULL,
        base_url   TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE provider_models (
        provider_id     TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        model           TEXT NOT NULL,
        context_window  INTEGER NOT NULL CHECK (context_window > 0),
        currency        TEXT NOT NULL,
        price_input     REAL NOT NULL CHECK (price_input >= 0),
        price_cached    REAL NOT NULL CHECK (price_cached >= 0),
        price_output    REAL NOT NULL CHECK (price_output >= 0),
        encoding        TEXT NOT NULL CHECK (encoding IN ('o200k_base', 'cl100k_base')),
        exact_tokenizer INTEGER NOT NULL CHECK (exact_tokenizer IN (0, 1)),
        checked_on      TEXT NOT NULL,
        PRIMARY KEY (provider_id, model)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
