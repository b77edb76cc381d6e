import type { PDFDocumentProxy } from 'pdfjs-dist';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pageOfOffset } from '../../../shared/page-map';
import { inBackground } from '../../failures';
import { documentText } from './find-in-text';
import { PdfPage } from './PdfPage';
import { loadPdfJs, PDFJS_ASSETS } from './pdfjs';
import { type PageText, scrollToPage, type ViewerHandle } from './viewer-handle';

interface PdfViewProps {
  bytes: Uint8Array;
  pageTexts: readonly PageText[];
  /** The page to open at (a search hit's), once the pages are laid out. */
  initialPage?: number | null;
  onPageChange(page: number): void;
}

// Rendered at this many CSS pixels per PDF point: legible at a glance on a laptop screen.
const SCALE = 1.35;

/** The PDF itself, pages rendered as they come near the screen, with selectable text. */
export const PdfView = forwardRef<ViewerHandle, PdfViewProps>(function PdfView(
  { bytes, pageTexts, initialPage, onPageChange },
  ref,
) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [highlight, setHighlight] = useState<{ page: number; text: string } | null>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let task: ReturnType<Awaited<ReturnType<typeof loadPdfJs>>['getDocument']> | undefined;
    const opening = loadPdfJs().then(async (pdfjs) => {
      // pdf.js transfers the buffer to its worker; the copy keeps the caller's bytes intact.
      task = pdfjs.getDocument({ data: bytes.slice(), ...PDFJS_ASSETS, cMapPacked: true, isEvalSupported: false });
      const loaded = await task.promise;
      const first = (await loaded.getPage(1)).getViewport({ scale: SCALE });
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

  useEffect(() => {
    if (pdf && initialPage) scrollToPage(container.current, initialPage);
  }, [pdf, initialPage]);

  useImperativeHandle(
    ref,
    () => ({
      goToPage: (page) => scrollToPage(container.current, page),
      showRange(start, end) {
        const page = pageOfOffset(pageTexts, start);
        scrollToPage(container.current, page);
        setHighlight({ page, text: documentText(pageTexts).slice(start, end) });
      },
    }),
    [pageTexts],
  );

  if (!pdf || !size) return <p className="viewer__loading">{t('viewer.loading')}</p>;
  return (
    <div className="pdf-view" ref={container}>
      {Array.from({ length: pdf.numPages }, (_, index) => index + 1).map((page) => (
        <PdfPage
          key={page}
          pdf={pdf}
          page={page}
          scale={SCALE}
          placeholder={size}
          root={container}
          highlight={highlight?.page === page ? highlight.text : null}
        />
      ))}
    </div>
  );
});
