import { AppError } from '../../shared/errors';

/** A DOCX's text, one paragraph a line; DOCX has no pages to keep. */
export async function readDocxLines(bytes: Uint8Array, name: string): Promise<string[]> {
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
