import type { Migration } from '../migrate';

/**
 * How an answer read its documents, as JSON: the plan (whole, map-reduce,
 * focused), how many parts, what it covered and which parts failed. Null for
 * an answer that read its documents whole, as every answer before did.
 */
export const m014AnswerPlan: Migration = {
  version: 14,
  name: 'answer-plan',
  up(db) {
    db.exec('ALTER TABLE answers ADD COLUMN plan TEXT CHECK (plan IS NULL OR json_valid(plan))');
  },
};
