import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupManifest } from '../shared/backup';
import type { AppInfo } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { Emit } from '../shared/events';
import { languageFromLocale } from '../shared/locale';
import type { Settings } from '../shared/settings';
import { createAnswerRows } from './answers/answer-rows';
import { type AnswersService, createAnswersService } from './answers/answers-service';
import { createProviderCalls, type ProviderCalls } from './answers/provider-calls';
import { createBackup, type PendingRestoreResult, scheduleRestore } from './backup/backup';
import { recoverRestore } from './backup/restore-journal';
import { type BatchRunner, createBatchRunner } from './batch/batch-runner';
import { createBatchStore } from './batch/batch-store';
import { type CitationChecker, createCitationChecker } from './citations/citation-checker';
import { type Clock, systemClock } from './clock';
import { createDocumentsService, type DocumentsService } from './documents/documents-service';
import { createExtractionPool, type Extractor } from './documents/extraction-pool';
import { createFileStore } from './documents/file-store';
import { historyChange } from './history/history-change';
import { createHistoryService, type HistoryService } from './history/history-service';
import { type AskService, createAskService } from './llm/ask-service';
import { createProviderLimiter } from './llm/provider-limiter';
import { createMattersService, type MattersService } from './matters/matters-service';
import { createOutlineCache } from './plans/plan-question';
import { createPlansService, type PlansService } from './plans/plans-service';
import { createProvidersService, type ProvidersService } from './providers/providers-service';
import { createEncryptedSecretStore, type SecretCipher } from './secrets/encrypted-secret-store';
import { createMemorySecretStore } from './secrets/memory-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { holdDataDir } from './store/data-dir-lock';
import { type Db, openDatabase, schemaVersion } from './store/database';

export const DATABASE_FILE = 'lexdesk.sqlite3';
/** Original files, by SHA-256, beside the database. */
export const FILES_DIR = 'files';

export interface ServicesOptions {
  dataDir: string;
  /** The OS locale (`vi-VN`, `en-US`), which picks the language before the user does. */
  locale: string;
  appVersion: string;
  /** The OS secret store; without one, keys live in memory for this process only. */
  cipher?: SecretCipher | undefined;
  clock?: Clock;
  nativeBinding?: string | undefined;
  /** Pushes an event to the window that asked, or to every window. */
  emit?: Emit;
  /** What `applyPendingRestore` did just before, for the window to say once. */
  restore?: PendingRestoreResult | null;
  /** Extraction workers started before the services (the CLI's ingest does); otherwise the services start their own. */
  extractor?: Extractor;
}

/** Backups of this data dir: made into a folder the user chose, or a checked one left to replace it at the next start. */
export interface BackupStore {
  create(parent: string, now: Date): Promise<string>;
  scheduleRestore(backupDir: string): BackupManifest;
}

export interface Services {
  /** The folder holding the database and the stored files. */
  dataDir: string;
  db: Db;
  settings: SettingsService;
  secrets: SecretStore;
  documents: DocumentsService;
  providers: ProvidersService;
  ask: AskService;
  plans: PlansService;
  /** One row a request that went to a provider. */
  calls: ProviderCalls;
  /** An answer's citations checked against its documents. */
  citations: CitationChecker;
  /** Batch review: jobs of documents × questions, run in main (resumed by the app at start). */
  batch: BatchRunner;
  answers: AnswersService;
  history: HistoryService;
  matters: MattersService;
  backups: BackupStore;
  appInfo(): AppInfo;
  /** Where failures nobody awaits are told: the console in the app, stderr in the CLI. */
  log(area: string, error: unknown): void;
  close(): void;
}

/**
 * Makes the data dir ready and marks it open by this process; a path that is
 * a file, or a folder this user cannot write, is DATA_DIR_UNUSABLE.
 */
function openDataDir(dataDir: string): () => void {
  try {
    // Owner-only: the folder will hold privileged documents and the firm's analyses.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // A restore the app died in the middle of is undone before the database opens (backup/restore-journal.ts).
    recoverRestore(dataDir);
    return holdDataDir(dataDir);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AppError('DATA_DIR_UNUSABLE', { path: dataDir, reason });
  }
}

/** Builds every service from a data dir and what the platform provides. No `electron` import here. */
export function createServices(options: ServicesOptions): Services {
  const clock = options.clock ?? systemClock;
  const letGo = openDataDir(options.dataDir);
  let db: Db;
  try {
    db = openDatabase(join(options.dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding });
  } catch (error) {
    letGo();
    throw error;
  }

  const defaults: Settings = {
    language: languageFromLocale(options.locale),
    theme: 'system',
    acceptWeakKeyStorage: false,
    vndRate: null,
  };
  const settings = createSettingsService({
    db,
    clock,
    defaults,
    onChange: (value) => options.emit?.('settings:changed', { settings: value }),
  });
  const secrets = options.cipher
    ? createEncryptedSecretStore({
        db,
        cipher: options.cipher,
        clock,
        acceptWeak: () => settings.get().acceptWeakKeyStorage,
      })
    : createMemorySecretStore();

  const extractor = options.extractor ?? createExtractionPool();
  const files = createFileStore(join(options.dataDir, FILES_DIR));
  const documents = createDocumentsService({
    db,
    files,
    extractor,
    clock,
    ...(options.emit ? { emit: options.emit } : {}),
  });

  const providers = createProvidersService({ db, secrets, clock });
  const matters = createMattersService({ db, files, clock });
  const rows = createAnswerRows(db);
  const answers = createAnswersService({ rows, clock });
  // An answer still marked streaming was cut off when the app last stopped.
  answers.recoverInterrupted();
  const history = createHistoryService(db);
  const log = (area: string, error: unknown) => console.error(`[${area}]`, error);
  const calls = createProviderCalls(db);
  // A document's clauses are read once, for its plans and for checking the citations of answers about it.
  const outlines = createOutlineCache();
  const plans = createPlansService({ documents, providers, language: () => settings.language(), outlines });
  const citations = createCitationChecker({ documents, outlines });
  // One gate per provider for every request the app makes to it, with the limits the lawyer set for it.
  const limiter = createProviderLimiter((id) => providers.limits(id));
  const ask = createAskService({
    plans,
    citations,
    log,
    limiter,
    rows,
    calls,
    inTransaction: (work) => db.transaction(work)(),
    answers,
    documents,
    providers,
    matters,
    clock,
    language: () => settings.language(),
    ...(options.emit ? { emit: options.emit } : {}),
    onHistoryChanged(answerId) {
      const { emit } = options;
      if (!emit) return;
      // The answer is stored whatever happens here: a list not patched is one fetched again at the next start.
      try {
        const change = historyChange({ history, answers, matters, documents }, answerId);
        if (change) emit('history:changed', change);
      } catch (error) {
        log('history', error);
      }
    },
  });

  // Batch jobs share the limiter: a 429 from a provider holds back single questions and batch items alike.
  const batch = createBatchRunner({
    store: createBatchStore(db),
    documents,
    providers,
    calls,
    citations,
    limiter,
    clock,
    language: () => settings.language(),
    outlines,
    log,
    ...(options.emit ? { emit: options.emit } : {}),
  });

  return {
    dataDir: options.dataDir,
    db,
    settings,
    secrets,
    documents,
    providers,
    ask,
    plans,
    calls,
    citations,
    batch,
    answers,
    history,
    matters,
    backups: {
      create: (parent, now) => createBackup(db, options.dataDir, parent, now),
      scheduleRestore: (backupDir) => scheduleRestore(backupDir, options.dataDir),
    },
    log,
    appInfo: () => ({
      version: options.appVersion,
      dataDir: options.dataDir,
      platform: process.platform,
      databaseSchemaVersion: schemaVersion(db),
      lastRestore: !options.restore
        ? null
        : options.restore.ok
          ? options.restore
          : { ok: false, error: options.restore.error.toData(settings.language()) },
    }),
    close: () => {
      batch.close();
      ask.close();
      void extractor.close();
      db.close();
      letGo();
    },
  };
}
