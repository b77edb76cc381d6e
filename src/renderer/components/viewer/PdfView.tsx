import type { PDFDocumentProxy } from 'pdfjs-dist';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pageOfOffset } from '../../../shared/page-map';
import { inBackground } from '../../failures';
import { documentText } from './find-in-text';
import { PdfPage } from './PdfPage';
import { loadPdfJs, PDFJS_ASSETS } from './pdfjs';
import { type PageText, scrollToPage, type ViewerHandle, type ViewerTarget } from './viewer-handle';

interface PdfViewProps {
  bytes: Uint8Array;
  pageTexts: readonly PageText[];
  /** Where to go (a search hit's page, a citation's clause), once the pages are laid out. */
  target?: ViewerTarget | null;
  onPageChange(page: number): void;
}

// At most this many CSS pixels per PDF point (legible at a glance on a laptop screen), and fewer in a pane
// narrower than the page: the page is then fitted to the pane's width, in steps so that a drag of the
// split does not redraw every page at every pixel.
const MAX_SCALE = 1.35;
const MIN_SCALE = 0.5;
const SCALE_STEP = 0.05;
// Room for a scrollbar beside the pages.
const SCROLLBAR_ROOM = 16;

/** The scale that fits a page `pageWidth` points wide into `contentWidth` pixels (the view's width inside its padding). */
function fittedScale(contentWidth: number, pageWidth: number): number {
  const fit = Math.floor((contentWidth - SCROLLBAR_ROOM) / pageWidth / SCALE_STEP) * SCALE_STEP;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, fit));
}

/** The PDF itself, pages rendered as they come near the screen, with selectable text. */
export const PdfView = forwardRef<ViewerHandle, PdfViewProps>(function PdfView(
  { bytes, pageTexts, target, onPageChange },
  ref,
) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  // The first page's size at scale 1, and the scale that fits it to the view's width.
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [scale, setScale] = useState(MAX_SCALE);
  const [highlight, setHighlight] = useState<{ page: number; text: string } | null>(null);
  const container = useRef<HTMLElement>(null);
  const anchor = useRef(0);

  useEffect(() => {
    let cancelled = false;
    let task: ReturnType<Awaited<ReturnType<typeof loadPdfJs>>['getDocument']> | undefined;
    const opening = loadPdfJs().then(async (pdfjs) => {
      // pdf.js transfers the buffer to its worker; the copy keeps the caller's bytes intact.
      task = pdfjs.getDocument({ data: bytes.slice(), ...PDFJS_ASSETS, cMapPacked: true, isEvalSupported: false });
      const loaded = await task.promise;
      const first = (await loaded.getPage(1)).getViewport({ scale: 1 });
      if (cancelled) return;
      setSize({ width: first.width, height: first.height });
      setPdf(loaded);
    });
    // Closed before it opened: pdf.js rejects the loading it was told to drop.
    inBackground(opening, () => cancelled);
    return () => {
      cancelled = true;
      if (task) inBackground(task.destroy());
    };
  }, [bytes]);

  useEffect(() => {
    const root = container.current;
    if (!root || !size) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      // Where the reader is, as a share of the whole, to be kept when the pages change size.
      anchor.current = root.scrollHeight > 0 ? root.scrollTop / root.scrollHeight : 0;
      setScale(fittedScale(entry.contentRect.width, size.width));
    });
    observer.observe(root);
    return () => observer.disconnect();
  }, [size]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the scale is the trigger; the anchor is read, not watched.
  useLayoutEffect(() => {
    const root = container.current;
    if (root) root.scrollTop = anchor.current * root.scrollHeight;
  }, [scale]);

  // The page most in view is the current page.
  useEffect(() => {
    const root = container.current;
    if (!root || !pdf) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries
          .filter((e) => e.isIntersecting)
          .sort((a, b) => b.intersectionRatio - a.intersectionRatio);
        const page = Number((visible[0]?.target as HTMLElement | undefined)?.dataset.page);
        if (page) onPageChange(page);
      },
      { root, threshold: [0.25, 0.5, 0.75] },
    );
    for (const element of root.querySelectorAll('[data-page]')) observer.observe(element);
    return () => observer.disconnect();
  }, [pdf, onPageChange]);

  const showRange = useCallback(
    (start: number, end: number) => {
      const page = pageOfOffset(pageTexts, start);
      scrollToPage(container.current, page);
      setHighlight({ page, text: documentText(pageTexts).slice(start, end) });
    },
    [pageTexts],
  );

  useEffect(() => {
    if (!pdf || !target) return;
    if (target.range) showRange(target.range.start, target.range.end);
    else {
      scrollToPage(container.current, target.page);
      setHighlight(null);
    }
  }, [pdf, target, showRange]);

  useImperativeHandle(ref, () => ({ goToPage: (page) => scrollToPage(container.current, page), showRange }), [
    showRange,
  ]);

  if (!pdf || !size) return <p className="viewer__loading">{t('viewer.loading')}</p>;
  return (
    // Focusable, so the keyboard scrolls it (arrows, Page Down): a scrolling region must be (WCAG 2.1.1, axe-core).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above.
    <section className="pdf-view" ref={container} tabIndex={0} aria-label={t('viewer.content')}>
      {Array.from({ length: pdf.numPages }, (_, index) => index + 1).map((page) => (
        <PdfPage
          key={page}
          pdf={pdf}
          page={page}
          scale={scale}
          placeholder={{ width: size.width * scale, height: size.height * scale }}
          root={container}
          highlight={highlight?.page === page ? highlight.text : null}
        />
      ))}
    </section>
  );
});
