import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The team's real test documents, beside the project (`../shared/data`); never copied into the repo. */
export const SHARED_DATA = resolve(__dirname, '../../../../shared/data');

export function sharedFile(...parts: string[]): string {
  const file = join(SHARED_DATA, ...parts);
  if (!existsSync(file)) throw new Error(`Test document missing: ${file}`);
  return file;
}
