import { AppError } from '../../shared/errors';
import { DOCUMENT_LIMITS } from './limits';
import { readZipDirectory } from './zip-directory';

/** A DOCX's text, one paragraph a line; DOCX has no pages to keep. */
export async function readDocxLines(bytes: Uint8Array, name: string): Promise<string[]> {
  const entries = readZipDirectory(bytes) ?? [];
  const inflated = entries.reduce((sum, entry) => sum + entry.uncompressedBytes, 0);
  if (inflated > DOCUMENT_LIMITS.maxDocxInflatedBytes) {
    // Refused before anything is inflated: a few hundred kilobytes can claim gigabytes.
    throw new AppError('DOCX_CORRUPT', {
      name,
      reason: `it would inflate to ${Number.isFinite(inflated) ? `${Math.round(inflated / 1024 / 1024)} MB` : 'more than 4 GB'}`,
    });
  }
  try {
    // Loaded on the first DOCX (about 0.1 s), not by every worker that only reads PDFs.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    return result.value.split(/\r?\n/u);
  } catch (error) {
    throw new AppError('DOCX_CORRUPT', { name, reason: String((error as Error).message) });
  }
}
