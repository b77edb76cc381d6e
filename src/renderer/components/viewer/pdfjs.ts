import type * as PdfJs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let loaded: Promise<typeof PdfJs> | undefined;

/** pdf.js for the viewer, loaded on first use; it parses in its own web worker. */
export function loadPdfJs(): Promise<typeof PdfJs> {
  loaded ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return loaded;
}

/** Where the build puts pdf.js's CMaps and standard fonts (see electron.vite.config.ts). */
export const PDFJS_ASSETS = {
  cMapUrl: new URL('./pdfjs/cmaps/', document.baseURI).href,
  standardFontDataUrl: new URL('./pdfjs/standard_fonts/', document.baseURI).href,
};
