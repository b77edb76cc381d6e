/**
 * What a ZIP's central directory says it holds, read without inflating
 * anything: a DOCX is a ZIP, and a small one can claim gigabytes (a zip bomb).
 */
export interface ZipEntry {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** A size or count of 0xFFFFFFFF (or 0xFFFF) means "see the ZIP64 record": no DOCX a lawyer writes needs one. */
const ZIP64_MARK = 0xffffffff;

/** The entries, or null when there is no readable central directory (then mammoth's own error says so). */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, or up to 64 KiB more when it carries a comment.
  const earliest = Math.max(0, bytes.byteLength - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (offset === ZIP64_MARK || count === 0xffff)
    return [{ name: '(zip64)', compressedBytes: 0, uncompressedBytes: Infinity }];
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({
      name,
      compressedBytes: compressed,
      uncompressedBytes: uncompressed === ZIP64_MARK || compressed === ZIP64_MARK ? Infinity : uncompressed,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
