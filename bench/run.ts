// `npm run bench`: each section prints ratios against a baseline measured in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/main/app';
import { headlessDesktop } from '../src/main/desktop/desktop';
import { createServices } from '../src/main/services';
import { openDatabase } from '../src/main/store/database';
import { batchBench } from './batch';
import { ingestBench, tokenizerBench } from './documents';
import { measure, report } from './harness';
import { historyBench } from './history';
import { plansBench } from './plans';
import { startBench } from './start';
import { streamingBench } from './streaming';
import { windowBench } from './window';

async function ipcOverhead(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-bench-'));
  const services = createServices({ dataDir, locale: 'vi-VN', appVersion: 'bench' });
  const dispatch = createApp({ services, desktop: headlessDesktop }).dispatch;
  const select = services.db.prepare('SELECT key, value FROM settings');
  try {
    const baseline = await measure('raw SQLite SELECT of the settings rows', () => select.all(), { batch: 2000 });
    report('IPC dispatch (validation + envelope) on settings:get', baseline, [
      await measure('settings service get()', () => services.settings.get(), { batch: 2000 }),
      await measure("dispatch('settings:get')", () => dispatch('settings:get', undefined), { batch: 2000 }),
      await measure(
        "dispatch('settings:set') rejected by the schema",
        () => dispatch('settings:set', { key: 'language', value: 'fr' }),
        { batch: 2000 },
      ),
    ]);
  } finally {
    services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startUp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lexdesk-bench-'));
  let n = 0;
  try {
    const existing = join(dir, 'existing.sqlite3');
    openDatabase(existing).close();
    const baseline = await measure('open an up-to-date database', () => openDatabase(existing).close(), { batch: 20 });
    report('Database start-up', baseline, [
      await measure('create and migrate a new database', () => openDatabase(join(dir, `new-${n++}.sqlite3`)).close(), {
        batch: 20,
      }),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await startBench();
  await ipcOverhead();
  await startUp();
  await tokenizerBench();
  await streamingBench();
  execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'unbroken-run.ts')], { stdio: 'inherit' });
  await historyBench();
  await windowBench();
  await ingestBench();
  await plansBench();
  await batchBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
