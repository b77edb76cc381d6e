import type { Migration } from '../migrate';

/**
 * Each page's tokens in both encodings, counted at ingest in the extraction
 * worker, so a long document's plans (which parts fit a model, at what price)
 * are made without tokenizing it again. Null for pages stored before: their
 * document's total is shared out by characters instead.
 */
export const m012PageTokens: Migration = {
  version: 12,
  name: 'page-tokens',
  up(db) {
    db.exec(`
      ALTER TABLE document_pages ADD COLUMN tokens_o200k INTEGER CHECK (tokens_o200k IS NULL OR tokens_o200k >= 0);
      ALTER TABLE document_pages ADD COLUMN tokens_cl100k INTEGER CHECK (tokens_cl100k IS NULL OR tokens_cl100k >= 0);
    `);
  },
};
