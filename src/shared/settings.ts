import { z } from 'zod';
import { languageSchema } from './language';

export const themeSchema = z.enum(['system', 'light', 'dark']);

/** Every user setting, with the value it has before the user changes it. */
export const settingsSchema = z.object({
  language: languageSchema,
  theme: themeSchema,
  /** Allow API keys to be saved where the OS offers only obfuscation, not a keychain. */
  acceptWeakKeyStorage: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/** One setting changed at a time: the key names the schema its value must pass. */
export const settingChangeSchema = z.discriminatedUnion('key', [
  z.object({ key: z.literal('language'), value: languageSchema }),
  z.object({ key: z.literal('theme'), value: themeSchema }),
  z.object({ key: z.literal('acceptWeakKeyStorage'), value: z.boolean() }),
]);
export type SettingChange = z.infer<typeof settingChangeSchema>;

export const settingKeys = settingsSchema.keyof().options;
