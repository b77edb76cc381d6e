/** Separates pages in a document's whole text, so every offset maps to one page. */
export const PAGE_SEPARATOR = '\n\n';

/** A document's whole stored text, its pages joined: the text every offset (a plan's, a citation's, Find's) counts in. */
export function documentText(pages: readonly { text: string }[]): string {
  return pages.map((page) => page.text).join(PAGE_SEPARATOR);
}

/** The page (1-based) holding a character offset of the document text; pages sorted by `start`. */
export function pageOfOffset(pages: readonly { page: number; start: number }[], offset: number): number {
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((pages[mid]?.start ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return pages[low]?.page ?? 1;
}
