/**
 * pdfjs for the page: the copy the build puts beside the page (dist/pdfjs/:
 * pdf.min.js, its worker, the CMaps Chinese PDFs need and the standard
 * fonts; see webpack.config.js), loaded from the page's own origin only when
 * a PDF plan is picked, so the page works offline and on any intranet path
 * and the first load stays small. It is loaded as the ES module Mozilla ships
 * (not bundled), and its worker runs the parsing off the page's thread.
 */
import type { PdfjsLike, PdfRuntime } from '../pdf/read-pdf.js';

/** dist/pdfjs/, relative to the page. */
const FOLDER = 'pdfjs/';

function at(file: string): string {
  return new URL(FOLDER + file, document.baseURI).href;
}

type PagePdfjs = PdfjsLike & { GlobalWorkerOptions: { workerSrc: string } };

export const pagePdfRuntime: PdfRuntime = {
  async load() {
    const pdfjs = (await import(/* webpackIgnore: true */ at('pdf.min.js'))) as PagePdfjs;
    pdfjs.GlobalWorkerOptions.workerSrc = at('pdf.worker.min.js');
    return pdfjs;
  },
  // Getters: the page's address is only asked for once a PDF is read (tests load this module without a document).
  get cMapUrl() {
    return at('cmaps/');
  },
  get standardFontDataUrl() {
    return at('standard_fonts/');
  },
};
