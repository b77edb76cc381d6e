import { z } from 'zod';
import { languageSchema } from './language';

export const themeSchema = z.enum(['system', 'light', 'dark']);

/**
 * The lawyer's own rate for showing costs in đồng beside the provider's
 * currency, dated by when they took it (LexDesk looks nothing up on the
 * network); null shows no đồng amounts.
 */
export const vndRateSchema = z
  .object({
    /** Đồng for one US dollar. */
    perUsd: z.number().positive().max(1_000_000),
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .nullable();
export type VndRate = z.infer<typeof vndRateSchema>;

/** Every user setting, with the value it has before the user changes it. */
export const settingsSchema = z.object({
  language: languageSchema,
  theme: themeSchema,
  /** Allow API keys to be saved where the OS offers only obfuscation, not a keychain. */
  acceptWeakKeyStorage: z.boolean(),
  vndRate: vndRateSchema,
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/** One setting changed at a time: the key names the schema its value must pass. */
export const settingChangeSchema = z.discriminatedUnion('key', [
  z.object({ key: z.literal('language'), value: languageSchema }),
  z.object({ key: z.literal('theme'), value: themeSchema }),
  z.object({ key: z.literal('acceptWeakKeyStorage'), value: z.boolean() }),
  z.object({ key: z.literal('vndRate'), value: vndRateSchema }),
]);
export type SettingChange = z.infer<typeof settingChangeSchema>;

export const settingKeys = settingsSchema.keyof().options;
