import { extname } from 'node:path';
import type { DocumentKind } from '../../shared/documents';
import { AppError } from '../../shared/errors';

const PDF_MAGIC = Buffer.from('%PDF-');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);

/**
 * The kind of a file, decided from its bytes; the name only tells text from
 * unknown binary and names the error. Throws the coded error for a file
 * LexDesk will not read.
 */
export function detectKind(bytes: Uint8Array, name: string): DocumentKind {
  const extension = extname(name).toLowerCase();
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  if (bytes.byteLength === 0) throw new AppError('FILE_EMPTY', { name });
  if (head.includes(PDF_MAGIC) || (extension === '.pdf' && looksLikePdfBody(bytes))) return 'pdf';
  if (extension === '.pdf') throw new AppError('NOT_A_PDF', { name });
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (zipHasEntry(bytes, 'word/document.xml')) return 'docx';
    if (extension === '.docx') throw new AppError('DOCX_CORRUPT', { name });
    throw new AppError('UNSUPPORTED_TYPE', { name });
  }
  if (extension === '.docx') throw new AppError('DOCX_CORRUPT', { name });
  if (TEXT_EXTENSIONS.has(extension)) return 'text';
  throw new AppError('UNSUPPORTED_TYPE', { name });
}

/**
 * Some real PDFs lost their `%PDF-` header but still read (pdf.js rebuilds
 * them); a renamed text file has no objects at all.
 */
function looksLikePdfBody(bytes: Uint8Array): boolean {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024)).toString('latin1');
  return /\d+\s+\d+\s+obj\b/.test(sample) && /\bendobj\b/.test(sample);
}

/** Whether a ZIP names an entry, read from its central directory's file names. */
function zipHasEntry(bytes: Uint8Array, entry: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(entry, 'utf8'));
}

/** Text as UTF-8, or UTF-16 with a byte-order mark; anything else is refused rather than garbled. */
export function decodeText(bytes: Uint8Array, name: string): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (view[0] === 0xff && view[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(view.subarray(2));
    if (view[0] === 0xfe && view[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(view.subarray(2));
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(view);
    if (text.includes('\u0000')) throw new Error('NUL in text');
    return text;
  } catch {
    throw new AppError('TEXT_ENCODING_UNSUPPORTED', { name });
  }
}
