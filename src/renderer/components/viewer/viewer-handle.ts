/** What the viewer does for find, "go to page" and (later) citations, whatever the document kind. */
export interface ViewerHandle {
  goToPage(page: number): void;
  /** Scrolls to and highlights a range of the document's text (offsets as in its page map). */
  showRange(start: number, end: number): void;
}

export interface PageText {
  page: number;
  start: number;
  text: string;
}
