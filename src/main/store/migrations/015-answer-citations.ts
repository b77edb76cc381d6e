import type { Migration } from '../migrate';

/**
 * Each citation of an answer as checked against its documents, as JSON: the
 * quote, where it was found, and the verdict (verified, wrong page, wrong
 * clause, not found, no quote). Null for an answer not checked (every answer
 * before this version, and one still streaming).
 */
export const m015AnswerCitations: Migration = {
  version: 15,
  name: 'answer-citations',
  up(db) {
    db.exec('ALTER TABLE answers ADD COLUMN citations TEXT CHECK (citations IS NULL OR json_valid(citations))');
  },
};
