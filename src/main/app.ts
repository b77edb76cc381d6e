import { type Clock, systemClock } from './clock';
import type { Desktop } from './desktop/desktop';
import { createHandlers } from './handlers';
import { createDispatcher, type Dispatch, type Handlers } from './ipc';
import type { Services } from './services';

export interface AppOptions {
  services: Services;
  /** The user's dialogs and relaunch: Electron's in the shell, a headless or scripted one elsewhere. */
  desktop: Desktop;
  clock?: Clock;
  /** Told of failures that are not AppErrors (the user sees INTERNAL_ERROR); the app logs them. */
  onUnexpectedError?: (channel: string, error: unknown) => void;
  /** Tests set it: every answer is checked against its channel's output schema. */
  checkOutputs?: boolean;
}

/** Set to 1 (the test suites do) and every answer is checked against its channel's output schema. */
export const CHECK_OUTPUTS_VARIABLE = 'LEXDESK_CHECK_OUTPUTS';

export const checksOutputs = (env: NodeJS.ProcessEnv): boolean => env[CHECK_OUTPUTS_VARIABLE] === '1';

export interface App {
  services: Services;
  handlers: Handlers;
  /** The one door every request goes through: the shell's ipcMain, the CLI, benches and tests. */
  dispatch: Dispatch;
}

/**
 * The app's wiring, in one place: the contract's handlers over the services,
 * and the dispatcher in front of them, answering in the user's language.
 */
export function createApp({
  services,
  desktop,
  clock = systemClock,
  onUnexpectedError,
  checkOutputs,
}: AppOptions): App {
  const handlers = createHandlers(services, desktop, clock);
  const dispatch = createDispatcher(handlers, {
    language: () => services.settings.language(),
    ...(onUnexpectedError ? { onUnexpectedError } : {}),
    ...(checkOutputs ? { checkOutputs } : {}),
  });
  return { services, handlers, dispatch };
}
