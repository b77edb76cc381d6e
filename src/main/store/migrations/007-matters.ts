import type { Migration } from '../migrate';

/**
 * Matters (vụ việc): a client file grouping documents and the analyses about
 * them. Deleting a matter deletes its analyses; its documents go with it
 * unless another analysis still uses them (matters-service.ts decides).
 */
export const m007Matters: Migration = {
  version: 7,
  name: 'matters',
  up(db) {
    db.exec(`
      CREATE TABLE matters (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      ALTER TABLE answers ADD COLUMN matter_id TEXT REFERENCES matters (id) ON DELETE CASCADE;
      ALTER TABLE documents ADD COLUMN matter_id TEXT REFERENCES matters (id) ON DELETE SET NULL;
      CREATE INDEX answers_by_matter ON answers (matter_id, created_at DESC);
      CREATE INDEX documents_by_matter ON documents (matter_id);
    `);
  },
};
