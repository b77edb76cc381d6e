import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'LexDesk';

/**
 * Where LexDesk keeps its database and files: `LEXDESK_DATA_DIR` if set,
 * otherwise the folder Electron names `userData` for this app, so the CLI and
 * the app share one history.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.LEXDESK_DATA_DIR) return env.LEXDESK_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
