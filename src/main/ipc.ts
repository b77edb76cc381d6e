import { z } from 'zod';
import { type Channel, type ChannelInput, type ChannelOutput, contract, isChannel } from '../shared/contract';
import type { Envelope } from '../shared/envelope';
import { AppError, type AppErrorData } from '../shared/errors';
import type { Caller } from '../shared/event-names';
import type { Language } from '../shared/language';

/** What main runs for each channel, given input that already passed the channel's schema. */
export type Handlers = {
  [C in Channel]: (input: ChannelInput<C>, caller: Caller | undefined) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** One door for every request, used by Electron's ipcMain and by the browser test host alike. */
/** `caller` is the window asking (the shell's); the CLI, benches and tests have none. */
export type Dispatch = (channel: string, input: unknown, caller?: Caller) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  /** The language error messages are written in: the user's current setting. */
  language: () => Language;
  /** Told of failures that are not `AppError`s, which the user sees only as `INTERNAL_ERROR`. */
  onUnexpectedError?: (channel: string, error: unknown) => void;
  /** Checks each answer against the channel's output schema too (in tests: a service that drifts from the contract fails there). */
  checkOutputs?: boolean;
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  return async (channel, input, caller) => {
    try {
      if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', { channel });
      const parsed = parseChannelInput(channel, input, safeLanguage(options));
      const handler = handlers[channel] as (input: unknown, caller: Caller | undefined) => unknown;
      const value = await handler(parsed, caller);
      if (options.checkOutputs) {
        const checked = contract[channel].output.safeParse(value);
        if (!checked.success)
          throw new Error(`${channel} answered outside its output schema: ${checked.error.message}`);
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorData(channel, error, options) };
    }
  };
}

/** A channel's input as its schema reads it, or INVALID_INPUT naming what is wrong, in the user's language. */
export function parseChannelInput<C extends Channel>(channel: C, input: unknown, language: Language): ParsedInput<C> {
  const parsed = contract[channel].input.safeParse(input, { error: zodMessages[language] });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
    throw new AppError('INVALID_INPUT', { channel, issues: issues.join('; ') });
  }
  // Zod types a generic channel's parse as the union of every channel's; this one's schema made it.
  return parsed.data as ParsedInput<C>;
}

type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;

// Zod's own wording, in the user's language, for what a malformed request got wrong.
const zodMessages: Record<Language, z.core.$ZodErrorMap> = {
  vi: z.locales.vi().localeError,
  en: z.locales.en().localeError,
};

function toErrorData(channel: string, error: unknown, options: DispatcherOptions): AppErrorData {
  const language = safeLanguage(options);
  if (error instanceof AppError) return error.toData(language);
  options.onUnexpectedError?.(channel, error);
  // A stack trace or SQL message means nothing to a lawyer and may leak paths; it goes to the log only.
  return new AppError('INTERNAL_ERROR').toData(language);
}

function safeLanguage(options: DispatcherOptions): Language {
  try {
    return options.language();
  } catch {
    return 'en';
  }
}

/** The sender of an IPC message, as much of Electron's `IpcMainInvokeEvent` as the check needs. */
export interface IpcSender {
  url: string | undefined;
  isMainFrame: boolean;
  /** The window's `webContents.id`, which the answer's events go back to. */
  windowId: number;
}

/** Only the app's own page, in the top frame, may call main. */
export function isTrustedSender(
  sender: Pick<IpcSender, 'url' | 'isMainFrame'>,
  trustedOrigins: readonly string[],
): boolean {
  if (!sender.isMainFrame || !sender.url) return false;
  let origin: string;
  try {
    const url = new URL(sender.url);
    // `app://lexdesk/...` has an opaque origin ("null"), so compare scheme and host.
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return false;
  }
  return trustedOrigins.includes(origin);
}

/** The slice of Electron's `ipcMain` this module needs. */
export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, input: unknown) => Promise<Envelope<unknown>>): void;
}

/** Registers one `handle` per contract channel; a call from anywhere but the app's own frame is refused. */
export function registerContract<Event>(
  ipcMain: IpcMainLike<Event>,
  dispatch: Dispatch,
  senderOf: (event: Event) => IpcSender,
  trustedOrigins: readonly string[],
  language: () => Language,
): void {
  for (const channel of Object.keys(contract)) {
    ipcMain.handle(channel, async (event, input) => {
      const sender = senderOf(event);
      if (!isTrustedSender(sender, trustedOrigins)) {
        return { ok: false, error: new AppError('UNTRUSTED_SENDER').toData(language()) };
      }
      return dispatch(channel, input, { windowId: sender.windowId });
    });
  }
}
