import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every change a restore makes to the data dir, so tests can make any one of
 * them fail, or stand for the app dying there (every later one fails too).
 */
export interface RestoreFs {
  rename(from: string, to: string): void;
  copy(from: string, to: string): void;
}

export const nodeRestoreFs: RestoreFs = {
  rename: renameSync,
  copy: (from, to) => cpSync(from, to, { recursive: true, errorOnExist: true, force: false }),
};

export const JOURNAL = 'restore-journal.json';
/** The backup's copy, built inside the data dir so that the swap is renames within one file system. */
const STAGING_PREFIX = 'restoring-';
export const KEPT_PREFIX = 'before-restore-';

/** One move of the swap. */
type Move = [from: string, to: string];

interface Journal {
  moves: Move[];
  /** How many moves are known to have been made; the next one may have been made too. */
  done: number;
  staging: string;
}

function writeJournal(dataDir: string, journal: Journal, fs: RestoreFs): void {
  const file = join(dataDir, JOURNAL);
  writeFileSync(`${file}.partial`, JSON.stringify(journal));
  fs.rename(`${file}.partial`, file);
}

/**
 * Writes the journal, then swaps by renames only, in its order, noting each
 * move made; on any failure the moves made are undone in reverse. If even
 * that fails (or the app dies), the journal stays for `recoverRestore`.
 */
export function swapWithJournal(dataDir: string, moves: Move[], staging: string, fs: RestoreFs): void {
  writeJournal(dataDir, { moves, done: 0, staging }, fs);
  let done = 0;
  try {
    for (const [from, to] of moves) {
      fs.rename(from, to);
      done += 1;
      writeJournal(dataDir, { moves, done, staging }, fs);
    }
  } catch (error) {
    // The move that failed may still have happened (the note after it did not): it is undone too.
    const next = moves[done];
    if (next && !existsSync(next[0]) && existsSync(next[1])) done += 1;
    for (const [from, to] of moves.slice(0, done).reverse()) fs.rename(to, from);
    rmSync(join(dataDir, JOURNAL), { force: true });
    throw error;
  }
  rmSync(join(dataDir, JOURNAL), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

export type Recovery = 'none' | 'rolled back' | 'completed';

/**
 * At start-up, before the database opens: a restore the app died in the
 * middle of is undone (the moves made so far, in reverse), so the data dir
 * holds all of what was there before; one that had made every move is kept.
 * Leftovers of a restore that died before its journal was written go.
 */
export function recoverRestore(dataDir: string): Recovery {
  if (!existsSync(dataDir)) return 'none';
  const journalFile = join(dataDir, JOURNAL);
  let outcome: Recovery = 'none';
  if (existsSync(journalFile)) {
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
    let done = journal.done;
    // The move after the last one noted may have been made before the app died.
    const next = journal.moves[done];
    if (next && !existsSync(next[0]) && existsSync(next[1])) done += 1;
    if (done === journal.moves.length) {
      outcome = 'completed';
    } else {
      for (const [from, to] of journal.moves.slice(0, done).reverse()) renameSync(to, from);
      outcome = 'rolled back';
    }
    rmSync(journalFile, { force: true });
  }
  rmSync(`${journalFile}.partial`, { force: true });
  for (const entry of readdirSync(dataDir)) {
    if (entry.startsWith(STAGING_PREFIX)) rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
  return outcome;
}

/** A name for this restore's folders: dated, and unique within the same millisecond. */
export function restoreStamp(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 6)}`;
}

export function stagingDir(dataDir: string, stamp: string): string {
  const dir = join(dataDir, `${STAGING_PREFIX}${stamp}`);
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}
