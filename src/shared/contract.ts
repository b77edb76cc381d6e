import { z } from 'zod';
import { answerSchema, askInputSchema, askStartedSchema } from './answers';
import { backupChosenSchema, backupMadeSchema, exportFormatSchema, restoreOutcomeSchema, savedSchema } from './backup';
import { batchChannels } from './batch';
import {
  documentDetailSchema,
  documentIdSchema,
  documentSummarySchema,
  handedOverSchema,
  handOverInputSchema,
  ingestInputSchema,
} from './documents';
import { historyPageInputSchema, historyPageSchema, searchHitSchema, searchInputSchema } from './history';
import { matterNameSchema, matterRemovalSchema, matterSchema } from './matters';
import { planInputSchema, plannedQuestionSchema } from './plans';
import {
  discoveredServerSchema,
  providerConfigSchema,
  providerRefSchema,
  providerSchema,
  setKeyInputSchema,
  testConnectionInputSchema,
  testConnectionResultSchema,
} from './providers';
import { secretStorageStatusSchema } from './secrets';
import { settingChangeSchema, settingsSchema } from './settings';

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  platform: z.string(),
  databaseSchemaVersion: z.number().int(),
  /** The restore asked for before this start, applied (or refused) on the way up; null when there was none. */
  lastRestore: restoreOutcomeSchema.nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const none = z.undefined();

/**
 * Every request the renderer can make of main: the channel name, the schema
 * main checks its input against, and the schema of what it answers.
 */
export const contract = {
  'app:info': { input: none, output: appInfoSchema },
  'settings:get': { input: none, output: settingsSchema },
  'settings:set': { input: settingChangeSchema, output: settingsSchema },
  'secrets:status': { input: none, output: secretStorageStatusSchema },
  'files:handOver': { input: handOverInputSchema, output: handedOverSchema },
  'documents:ingest': {
    input: ingestInputSchema,
    output: documentSummarySchema.extend({ alreadyStored: z.boolean() }),
  },
  'documents:list': { input: none, output: z.array(documentSummarySchema) },
  'documents:get': { input: documentIdSchema, output: documentDetailSchema },
  'documents:file': { input: documentIdSchema, output: z.instanceof(Uint8Array) },
  'providers:list': { input: none, output: z.array(providerSchema) },
  'providers:save': { input: providerConfigSchema, output: providerSchema },
  'providers:remove': { input: providerRefSchema, output: z.null() },
  'providers:setKey': { input: setKeyInputSchema, output: providerSchema },
  'providers:clearKey': { input: providerRefSchema, output: providerSchema },
  'providers:test': { input: testConnectionInputSchema, output: testConnectionResultSchema },
  'providers:models': { input: providerRefSchema, output: z.array(z.string().max(200)).max(500) },
  'providers:discover': { input: none, output: z.array(discoveredServerSchema) },
  'ask:start': { input: askInputSchema, output: askStartedSchema },
  'ask:cancel': { input: z.object({ streamId: z.string() }), output: z.boolean() },
  'ask:plan': { input: planInputSchema, output: plannedQuestionSchema },
  'answers:get': { input: z.object({ answerId: z.string() }), output: answerSchema },
  'answers:copy': { input: z.object({ answerId: z.string() }), output: z.null() },
  'history:page': { input: historyPageInputSchema, output: historyPageSchema },
  'history:search': { input: searchInputSchema, output: z.array(searchHitSchema) },
  'matters:list': { input: none, output: z.array(matterSchema) },
  'matters:create': { input: z.object({ name: matterNameSchema }), output: matterSchema },
  'matters:rename': { input: z.object({ matterId: z.string(), name: matterNameSchema }), output: matterSchema },
  'matters:remove': { input: z.object({ matterId: z.string() }), output: matterRemovalSchema },
  'matters:assign': {
    input: z.object({
      matterId: z.string().nullable(),
      documentIds: z.array(z.string()).max(10_000).optional(),
      answerIds: z.array(z.string()).max(10_000).optional(),
    }),
    output: z.null(),
  },
  'history:cacheStats': { input: none, output: z.object({ hits: z.number().int(), saved: z.number() }) },
  'export:answer': { input: z.object({ answerId: z.string(), format: exportFormatSchema }), output: savedSchema },
  'export:matter': { input: z.object({ matterId: z.string(), format: exportFormatSchema }), output: savedSchema },
  'backup:create': { input: none, output: backupMadeSchema },
  'backup:choose': { input: none, output: backupChosenSchema },
  'backup:restore': { input: z.object({ token: z.string().max(100) }), output: z.null() },
  ...batchChannels,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
