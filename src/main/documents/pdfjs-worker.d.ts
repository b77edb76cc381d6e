// pdf.js ships no types for its worker module; LexDesk only imports it for its side effect
// (it registers itself as globalThis.pdfjsWorker, which pdf.js then runs in this thread).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
