import { z } from 'zod';
import { askStreamEventSchema } from './answers';
import { jobStateSchema } from './batch';
import { documentSummarySchema, ingestStageSchema } from './documents';
import type { Caller, EventName } from './event-names';
import { historyItemSchema } from './history';
import { matterSchema } from './matters';
import { settingsSchema } from './settings';

export { type Caller, EVENT_NAMES, type EventName, eventChannel, isEventName } from './event-names';

/** What each event carries; its name (event-names.ts) says what it is. */
export const eventSchemas = {
  /** Every window: the settings as they now are. */
  'settings:changed': z.object({ settings: settingsSchema }),
  /** The window reading the file: how far it has got; `ingestId` is the one that window chose. */
  'documents:progress': z.object({
    ingestId: z.string(),
    name: z.string(),
    stage: ingestStageSchema,
    page: z.number().int().optional(),
    pages: z.number().int().optional(),
  }),
  /** The window that asked: the answer as it streams (see answers.ts). */
  'ask:stream': askStreamEventSchema,
  /**
   * Every window: an analysis was added, finished or filed. Its history row,
   * its matter's counts and its documents as they now are, for the lists to
   * patch rather than fetch again.
   */
  'history:changed': z.object({
    item: historyItemSchema,
    matter: matterSchema.nullable(),
    documents: z.array(documentSummarySchema),
  }),
  /** The window that started a batch job (none: every window): its state, at most a few times a second. */
  'batch:progress': jobStateSchema,
} satisfies Record<EventName, z.ZodType>;

export type AppEvents = { [N in EventName]: z.infer<(typeof eventSchemas)[N]> };

/** Pushes an event: to the window that asked, or (no caller) to every window. */
export type Emit = <N extends EventName>(name: N, payload: AppEvents[N], to?: Caller) => void;
