import type { Migration } from '../migrate';

/**
 * Why the model stopped, as the provider said it (normalised): `stop`,
 * `length` (it hit the output limit: the answer is cut off), `filtered`, or
 * the provider's own word. Null for answers from before, and for those that
 * failed or were stopped before the provider said.
 */
export const m009AnswerFinish: Migration = {
  version: 9,
  name: 'answer-finish',
  up(db) {
    db.exec('ALTER TABLE answers ADD COLUMN finish_reason TEXT');
  },
};
