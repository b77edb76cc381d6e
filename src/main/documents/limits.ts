/** What LexDesk refuses to read, as `FILE_TOO_LARGE`; documented in the README. */
export const DOCUMENT_LIMITS = {
  maxBytes: 300 * 1024 * 1024,
  maxPages: 5000,
  /** Extraction stops when no page has been read for this long (a hang in a damaged file). */
  stallMs: 8000,
} as const;
