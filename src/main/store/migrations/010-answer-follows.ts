import type { Migration } from '../migrate';

/**
 * A follow-up question's answer names the answer it follows, so a thread is a
 * chain from its first question. Null for a first question (and every answer
 * from before); an earlier answer deleted leaves the later ones standing, each
 * the start of what is left of the thread.
 */
export const m010AnswerFollows: Migration = {
  version: 10,
  name: 'answer-follows',
  up(db) {
    db.exec(`
      ALTER TABLE answers ADD COLUMN follows TEXT REFERENCES answers (id) ON DELETE SET NULL;
      CREATE INDEX answers_follows ON answers (follows) WHERE follows IS NOT NULL;
    `);
  },
};
