import mammoth from 'mammoth';
import { AppError } from '../../shared/errors';

/** A DOCX's text, one paragraph a line; DOCX has no pages to keep. */
export async function readDocxLines(bytes: Uint8Array, name: string): Promise<string[]> {
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    return result.value.split(/\r?\n/u);
  } catch (error) {
    throw new AppError('DOCX_CORRUPT', { name, reason: String((error as Error).message) });
  }
}
