import { parseChannelInput } from '../../main/ipc';
import { type SettingKey, settingKeys } from '../../shared/settings';
import { type CommandContext, printJson, usage, value } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';

function settingKey(key: string): SettingKey {
  const known = settingKeys.find((name) => name === key);
  if (known === undefined) throw usage(`unknown setting "${key}" (${settingKeys.join(', ')})`);
  return known;
}

/** `settings get [KEY]` and `settings set KEY VALUE`. */
export async function settingsCommand([verb, ...rest]: string[], context: CommandContext): Promise<ExitCode> {
  if (verb === 'get' && rest.length <= 1) {
    const key = rest[0] === undefined ? undefined : settingKey(rest[0]);
    const settings = await value(context.api.settings.get());
    const shown = key === undefined ? settings : { [key]: settings[key] };
    if (context.output.json) return printJson(context, shown);
    if (key !== undefined) context.io.stdout(`${String(settings[key])}\n`);
    else for (const [name, value] of Object.entries(shown)) context.io.stdout(`${name}=${String(value)}\n`);
    return EXIT.ok;
  }
  if (verb === 'set' && rest.length === 2) {
    const key = settingKey(rest[0] ?? '');
    const raw = rest[1] ?? '';
    // The command line only has strings; booleans are spelled out, and the contract's schema judges the rest.
    const change = { key, value: raw === 'true' ? true : raw === 'false' ? false : raw };
    const settings = await value(
      context.api.settings.set(parseChannelInput('settings:set', change, context.output.language)),
    );
    if (context.output.json) return printJson(context, { [key]: settings[key] });
    context.io.stdout(`${key}=${String(settings[key])}\n`);
    return EXIT.ok;
  }
  throw usage(`unknown command "settings ${[verb, ...rest].join(' ')}"`);
}
