import { z } from 'zod';
import { settingsSchema } from './settings';

/** Every event main pushes to a window, told apart by `type`. */
export const appEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('settings:changed'), settings: settingsSchema }),
]);
export type AppEvent = z.infer<typeof appEventSchema>;

/** The single IPC channel on which main pushes `AppEvent`s. */
export const EVENT_CHANNEL = 'lexdesk:event';
