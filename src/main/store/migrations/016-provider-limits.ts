import type { Migration } from '../migrate';

/**
 * A provider's own limits, as its price or tier page publishes them: requests
 * at once, requests a minute, tokens a minute. Null for the providers there
 * were: they keep LexDesk's default (four at once, no minute limits).
 */
export const m016ProviderLimits: Migration = {
  version: 16,
  name: 'provider-limits',
  up(db) {
    db.exec(`
      ALTER TABLE providers ADD COLUMN max_concurrent INTEGER CHECK (max_concurrent IS NULL OR max_concurrent > 0);
      ALTER TABLE providers ADD COLUMN requests_per_minute INTEGER
        CHECK (requests_per_minute IS NULL OR requests_per_minute > 0);
      ALTER TABLE providers ADD COLUMN tokens_per_minute INTEGER CHECK (tokens_per_minute IS NULL OR tokens_per_minute > 0);
    `);
  },
};
