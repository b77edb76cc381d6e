/** What the viewer does for find, "go to page" and (later) citations, whatever the document kind. */
export interface ViewerHandle {
  goToPage(page: number): void;
  /** Scrolls to and highlights a range of the document's text (offsets as in its page map). */
  showRange(start: number, end: number): void;
}

/** Scrolls a page (`data-page`) of a viewer's scrolling container to the top. */
export function scrollToPage(container: HTMLElement | null, page: number): void {
  container?.querySelector(`[data-page="${page}"]`)?.scrollIntoView({ block: 'start' });
}

/** Where a viewer goes once its pages are in: a page, and a range of the text on it to mark. */
export interface ViewerTarget {
  page: number;
  range: { start: number; end: number } | null;
  /** A new number for every request, so the same place asked for twice is shown twice. */
  seq: number;
}

export interface PageText {
  page: number;
  start: number;
  text: string;
}
