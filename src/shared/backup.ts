import { z } from 'zod';
import { appErrorDataSchema } from './error-schemas';

/** What a backup holds, from the manifest written beside its database. */
export const backupManifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.iso.datetime(),
  schemaVersion: z.number().int(),
  documents: z.number().int(),
  answers: z.number().int(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const exportFormatSchema = z.enum(['docx', 'md']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** Where a file was saved; null when the user closed the save dialog. */
export const savedSchema = z.object({ path: z.string() }).nullable();

/** A backup made and checked in full; null when the dialog was closed. */
export const backupMadeSchema = z.object({ path: z.string(), manifest: backupManifestSchema }).nullable();

/** A backup chosen and checked in full for a restore; null when the dialog was closed. */
export const backupChosenSchema = z
  .object({
    path: z.string(),
    manifest: backupManifestSchema,
    /** Names the checked folder to `backup:restore`, so the window never hands main a path to read. */
    token: z.string(),
  })
  .nullable();

/** How the restore asked for before the last restart went: shown once in the window. */
export const restoreOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), manifest: backupManifestSchema }),
  z.object({ ok: z.literal(false), error: appErrorDataSchema }),
]);
export type RestoreOutcome = z.infer<typeof restoreOutcomeSchema>;
