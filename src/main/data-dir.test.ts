import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';

describe('defaultDataDir', () => {
  it('prefers LEXDESK_DATA_DIR', () => {
    expect(defaultDataDir({ LEXDESK_DATA_DIR: '/srv/lexdesk' }, 'linux', '/home/a')).toBe('/srv/lexdesk');
  });
  it("matches Electron's userData for the app on each platform", () => {
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe(join('/home/a', '.config', 'LexDesk'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe(join('/x', 'LexDesk'));
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe(
      join('/Users/a', 'Library', 'Application Support', 'LexDesk'),
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'LexDesk'),
    );
  });
});
