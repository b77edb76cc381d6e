import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file a process that has the data dir open, named by its process id; removed when it closes. */
const IN_USE = 'in-use';

/** Marks the data dir as open by this process (the app or a CLI command); the returned function lets go. */
export function holdDataDir(dataDir: string): () => void {
  const folder = join(dataDir, IN_USE);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, `${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  writeFileSync(file, '');
  return () => rmSync(file, { force: true });
}

/** Other live processes that have the data dir open; one that died without letting go does not count. */
export function processesHolding(dataDir: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync(join(dataDir, IN_USE));
  } catch {
    return [];
  }
  const pids = new Set<number>();
  for (const entry of entries) {
    const pid = Number(entry.split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (isAlive(pid)) pids.add(pid);
    else rmSync(join(dataDir, IN_USE, entry), { force: true });
  }
  return [...pids];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
