import type { PDFDocumentProxy } from 'pdfjs-dist';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { inBackground } from '../../failures';
import { highlightInTextLayer } from './highlight';
import { loadPdfJs } from './pdfjs';

interface PdfPageProps {
  pdf: PDFDocumentProxy;
  page: number;
  scale: number;
  /** The size to hold before the page is rendered (the first page's). */
  placeholder: { width: number; height: number };
  root: RefObject<HTMLElement | null>;
  /** Text to mark on this page's text layer, or null. */
  highlight: string | null;
}

/** One page: an empty box of the right size until it nears the screen, then a canvas and its text layer. */
export function PdfPage({ pdf, page, scale, placeholder, root, highlight }: PdfPageProps) {
  const element = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [size, setSize] = useState(placeholder);
  // Counts the drawings: a page drawn again at a new scale has a new text layer to mark.
  const [drawings, setDrawings] = useState(0);

  // A page not drawn yet holds the size of the scale the view has now.
  useEffect(() => {
    if (!near) setSize({ width: placeholder.width, height: placeholder.height });
  }, [near, placeholder.width, placeholder.height]);

  useEffect(() => {
    const target = element.current;
    if (!target || near) return;
    // Render a screen's height ahead, so scrolling rarely shows a blank page.
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      root: root.current,
      rootMargin: '100% 0px',
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [near, root]);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    let renderTask: { cancel(): void; promise: Promise<void> } | undefined;
    inBackground(
      (async () => {
        const [pdfjs, proxy] = await Promise.all([loadPdfJs(), pdf.getPage(page)]);
        const viewport = proxy.getViewport({ scale });
        const target = canvas.current;
        const layer = textLayer.current;
        if (cancelled || !target || !layer) return;
        setSize({ width: viewport.width, height: viewport.height });
        const ratio = window.devicePixelRatio || 1;
        target.width = Math.floor(viewport.width * ratio);
        target.height = Math.floor(viewport.height * ratio);
        renderTask = proxy.render({
          canvas: target,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        });
        await renderTask.promise;
        layer.replaceChildren();
        // pdf.js sizes the text layer from this variable.
        element.current?.style.setProperty('--total-scale-factor', String(scale));
        await new pdfjs.TextLayer({
          textContentSource: await proxy.getTextContent(),
          container: layer,
          viewport,
        }).render();
        if (!cancelled) setDrawings((n) => n + 1);
      })(),
      // A page scrolled away (or closed) while it drew: pdf.js rejects the render it was told to cancel.
      () => cancelled,
    );
    return () => {
      cancelled = true;
      renderTask?.cancel();
    };
  }, [near, pdf, page, scale]);

  useEffect(() => {
    const layer = textLayer.current;
    if (drawings === 0 || !layer) return;
    if (highlight === null) {
      highlightInTextLayer(layer, '');
      return;
    }
    highlightInTextLayer(layer, highlight)?.scrollIntoView({ block: 'center' });
  }, [drawings, highlight]);

  return (
    <div ref={element} className="pdf-page" data-page={page} data-rendered={drawings > 0 ? 'true' : 'false'}>
      <svg className="pdf-page__box" width={size.width} height={size.height} aria-hidden="true" />
      <canvas ref={canvas} className="pdf-page__canvas" />
      <div ref={textLayer} className="textLayer" />
    </div>
  );
}
