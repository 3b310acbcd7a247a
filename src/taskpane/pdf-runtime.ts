/**
 * pdfjs for the page, loaded only when a PDF plan is picked (the first load
 * stays small) and only from the page's own folder (dist/pdfjs/: no CDN), in a
 * way that works both over http(s) and from file:// (the dist folder on a USB
 * stick, the WPS offline package), where Chromium refuses module scripts,
 * module workers and fetch():
 * - pdfjs itself and its worker code are webpack chunks, which webpack loads
 *   with classic <script> tags;
 * - the worker code runs on the page's thread (pdfjs's "fake worker", which it
 *   uses when `globalThis.pdfjsWorker` is set): a plan is a few dozen pages;
 * - the CMaps and standard fonts come from data scripts (pdf-data-scripts.ts)
 *   through pdfjs's `BinaryDataFactory` option, not from fetch().
 */
import type { PdfjsLike, PdfRuntime } from '../pdf/read-pdf.js';
import { pdfDataFile } from './pdf-data-scripts.js';

/** dist/pdfjs/data/, relative to the page. */
const DATA = 'pdfjs/data/';

/** What pdfjs constructs from its getDocument option `BinaryDataFactory` (pdfjs 5.6: `fetch({kind, filename})` → bytes). */
class ScriptDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    return pdfDataFile(new URL(DATA, document.baseURI).href, kind, filename);
  }
}

async function loadPdfjs(): Promise<PdfjsLike> {
  const [pdfjs, worker] = await Promise.all([
    import(/* webpackChunkName: "pdfjs/pdf" */ 'pdfjs-dist/legacy/build/pdf.min.mjs'),
    import(/* webpackChunkName: "pdfjs/pdf-worker" */ 'pdfjs-dist/legacy/build/pdf.worker.min.mjs'),
  ]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler: worker.WorkerMessageHandler };
  return {
    getDocument: (source) => pdfjs.getDocument({ ...source, BinaryDataFactory: ScriptDataFactory } as Parameters<typeof pdfjs.getDocument>[0]),
  };
}

export const pagePdfRuntime: PdfRuntime = {
  load: loadPdfjs,
  // Not fetched (ScriptDataFactory reads the data scripts), but pdfjs asks for a folder ending in `/` per kind of data.
  cMapUrl: DATA + 'cmaps/',
  standardFontDataUrl: DATA + 'standard_fonts/',
};
