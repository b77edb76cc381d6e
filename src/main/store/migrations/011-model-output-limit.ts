import type { Migration } from '../migrate';

/**
 * A model's own output limit (`max_tokens` asked for), as the lawyer sets it
 * from the model's page. Null for every model from before: those keep what
 * fits, as they did.
 */
export const m011ModelOutputLimit: Migration = {
  version: 11,
  name: 'model-output-limit',
  up(db) {
    db.exec('ALTER TABLE provider_models ADD COLUMN max_output INTEGER CHECK (max_output IS NULL OR max_output > 0)');
  },
};
