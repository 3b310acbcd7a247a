/**
 * pdfjs for the CLI: its legacy build (plain Node, no DOM), run without a
 * worker thread (pdfjs's "fake worker" in the same thread: one PDF plan does
 * not need another thread), with the CMaps and standard fonts from the
 * installed package. Loaded only when a PDF plan is read.
 */
import * as path from 'node:path';
import type { PdfjsLike, PdfRuntime } from '../pdf/read-pdf.js';

/** pdfjs-dist's folder: found through its package.json, which its `exports` leave reachable. */
function pdfjsRoot(): string {
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

export function nodePdfRuntime(): PdfRuntime {
  const root = pdfjsRoot();
  return {
    // import(), kept as import() in the CommonJS output: pdfjs-dist is ES modules only.
    load: () => import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfjsLike>,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
  };
}
