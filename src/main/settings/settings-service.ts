import type { Language } from '../../shared/language';
import { type SettingChange, type Settings, settingKeys, settingsSchema } from '../../shared/settings';
import type { Clock } from '../clock';
import type { Db } from '../store/database';

export interface SettingsService {
  get(): Settings;
  set(change: SettingChange): Settings;
  language(): Language;
}

export interface SettingsDependencies {
  db: Db;
  clock: Clock;
  /** Values before the user chooses; the language comes from the OS locale. */
  defaults: Settings;
  onChange?: (settings: Settings) => void;
}

export function createSettingsService({ db, clock, defaults, onChange }: SettingsDependencies): SettingsService {
  const selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  function get(): Settings {
    const stored: Record<string, unknown> = {};
    for (const row of selectAll.all()) stored[row.key] = JSON.parse(row.value);
    const merged: Record<string, unknown> = { ...defaults };
    // A stored value that no longer passes its schema (an older release wrote it) falls back to the default.
    for (const key of settingKeys) {
      if (!(key in stored)) continue;
      const candidate = settingsSchema.shape[key].safeParse(stored[key]);
      if (candidate.success) merged[key] = candidate.data;
    }
    return settingsSchema.parse(merged);
  }

  function set(change: SettingChange): Settings {
    upsert.run(change.key, JSON.stringify(change.value), clock.now());
    const settings = get();
    onChange?.(settings);
    return settings;
  }

  return { get, set, language: () => get().language };
}
