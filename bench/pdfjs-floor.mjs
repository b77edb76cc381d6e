// The floor under any pdf.js ingest: pdf.js alone (the build and options LexDesk's workers use) in a fresh process,
// reading the text content of its share of the pages and nothing else: no LexDesk code, no counting, no storing.
// `node bench/pdfjs-floor.mjs FILE SHARD SHARDS`; bench/documents.ts runs two at once, one a core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const pdfjsDir = join(import.meta.dirname, '..', 'node_modules', 'pdfjs-dist');
const [file, shardArg = '0', shardsArg = '1'] = process.argv.slice(2);
const shard = Number(shardArg);
const shards = Number(shardsArg);
const nativePush = Array.prototype.push;
const api = await import(pathToFileURL(join(pdfjsDir, 'legacy', 'build', 'pdf.min.mjs')).href);
await import(pathToFileURL(join(pdfjsDir, 'legacy', 'build', 'pdf.worker.min.mjs')).href);
// As LexDesk's workers do (documents/pdf-text.ts): the native push back, which the legacy build's core-js replaced.
Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true });
const document = await api.getDocument({
  data: new Uint8Array(readFileSync(file)),
  cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/`,
  isEvalSupported: false,
  useSystemFonts: false,
  disableFontFace: true,
  verbosity: 0,
}).promise;
const perShard = Math.ceil(document.numPages / shards);
for (let number = shard * perShard + 1; number <= Math.min(document.numPages, (shard + 1) * perShard); number++) {
  const page = await document.getPage(number);
  await page.getTextContent();
  page.cleanup();
}
await document.destroy();
