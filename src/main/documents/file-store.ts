import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Original files, kept by the SHA-256 of their bytes beside the database, so a
 * past analysis opens offline even if the user moved or deleted the file.
 */
export interface FileStore {
  /** Stores the bytes; returns false when they were already there. */
  put(sha256: string, bytes: Uint8Array): boolean;
  read(sha256: string): Uint8Array<ArrayBuffer>;
  has(sha256: string): boolean;
  remove(sha256: string): void;
}

export function createFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  return {
    put(sha256, bytes) {
      const file = pathOf(sha256);
      if (existsSync(file)) return false;
      mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      // Written aside and renamed into place: a crash leaves no partial file under the real name.
      const temporary = `${file}.${randomBytes(6).toString('hex')}.partial`;
      try {
        writeFileSync(temporary, bytes, { mode: 0o600, flush: true });
        renameSync(temporary, file);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
      }
      return true;
    },
    read(sha256) {
      const bytes = readFileSync(pathOf(sha256));
      // A file read is backed by a plain ArrayBuffer, never a shared one.
      return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
    },
    has: (sha256) => existsSync(pathOf(sha256)),
    remove: (sha256) => rmSync(pathOf(sha256), { force: true }),
  };
}
