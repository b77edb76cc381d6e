/** What LexDesk refuses to read, as `FILE_TOO_LARGE`; documented in the README. */
export const DOCUMENT_LIMITS = {
  maxBytes: 300 * 1024 * 1024,
  maxPages: 5000,
  /**
   * What a DOCX may hold once inflated, by its ZIP directory: the 404-page
   * Civil Code as Word is about 5 MB of XML, so 200 MB is generous and still
   * far from what would exhaust the extraction worker.
   */
  maxDocxInflatedBytes: 200 * 1024 * 1024,
  /** The extraction worker's JavaScript heap; past it the worker stops and the file is refused. */
  workerHeapMb: 1536,
  /** Extraction stops when no page has been read for this long (a hang in a damaged file). */
  stallMs: 8000,
} as const;
