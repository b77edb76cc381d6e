import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Resolves with the first line of a child's JSON output that `wanted` accepts; rejects if the child exits first. */
export function lineWhere(
  child: ChildProcess,
  wanted: (line: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const value = JSON.parse(line) as Record<string, unknown>;
      if (wanted(value)) resolve(value);
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}
