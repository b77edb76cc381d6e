import { z } from 'zod';
import { askStreamEventSchema } from './answers';
import { ingestStageSchema } from './documents';
import { settingsSchema } from './settings';

/** Every event main pushes to a window, told apart by `type`. */
export const appEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('settings:changed'), settings: settingsSchema }),
  /** How far reading a dropped file has got; `ingestId` is the one the renderer chose. */
  z.object({
    type: z.literal('documents:progress'),
    ingestId: z.string(),
    name: z.string(),
    stage: ingestStageSchema,
    page: z.number().int().optional(),
    pages: z.number().int().optional(),
  }),
  askStreamEventSchema,
]);
export type AppEvent = z.infer<typeof appEventSchema>;
