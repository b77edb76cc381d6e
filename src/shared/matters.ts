import { z } from 'zod';

export const matterSchema = z.object({
  id: z.string(),
  name: z.string(),
  documents: z.number().int(),
  answers: z.number().int(),
  createdAt: z.number().int(),
  /** Its newest analysis, or its creation if that is later: the sidebar lists the busiest matters first. */
  lastActivityAt: z.number().int(),
});
export type Matter = z.infer<typeof matterSchema>;

/**
 * A matter's name, as typed or pasted: control characters (a stray NUL, a
 * tab) become spaces, runs of spaces one space, then it is trimmed.
 */
export const matterNameSchema = z
  .string()
  .max(1000)
  .overwrite((name) => name.replace(/[\p{Cc}\s]+/gu, ' '))
  .trim()
  .min(1)
  .max(200);

/** What deleting a matter removed. */
export const matterRemovalSchema = z.object({
  answers: z.number().int(),
  documents: z.number().int(),
  files: z.number().int(),
  /** What went with the matter, for the window to take off its lists without asking again. */
  answerIds: z.array(z.string()),
  documentIds: z.array(z.string()),
});
export type MatterRemoval = z.infer<typeof matterRemovalSchema>;
