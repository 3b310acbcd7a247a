/**
 * The text of a PDF 工作要点, one paragraph per line, for the plan parser.
 * pdfjs reads the text layer; the rest (lines from glyph positions, running
 * headers and footers, paragraphs) is ours and pure. pdfjs itself comes from
 * the front end (`PdfRuntime`): Node loads its legacy build and runs it without
 * a worker, the page loads its chunks from dist/pdfjs/ (also without a worker,
 * so that it works from file://), and each says where the CMaps Chinese PDFs
 * need are (never a CDN).
 */
import { issue, TaizhangError } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import { rebuildLines, type TextRun } from './lines.js';
import { dropPageFurniture, type PageLines } from './page-furniture.js';
import { paragraphsOf } from './paragraphs.js';

/** The little of pdfjs used here, so tests can stand in for it. */
export interface PdfjsLike {
  getDocument(source: {
    data: Uint8Array;
    cMapUrl: string;
    cMapPacked: boolean;
    standardFontDataUrl: string;
    isEvalSupported: boolean;
    disableFontFace: boolean;
    verbosity: number;
  }): { promise: Promise<PdfDocumentLike>; destroy(): Promise<void> };
}
export interface PdfDocumentLike {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPageLike>;
}
export interface PdfPageLike {
  view: number[];
  getTextContent(): Promise<{ items: readonly object[] }>;
}

export interface PdfRuntime {
  load(): Promise<PdfjsLike>;
  /** Folder URLs (or, in Node, paths) ending in `/`: pdfjs's cmaps/ and standard_fonts/. */
  cMapUrl: string;
  standardFontDataUrl: string;
}

export interface PdfText {
  text: string;
  issues: Issue[];
}

/** A 工作要点 is a few dozen pages; past this a file is something else. */
export const MAX_PAGES = 300;

/** pdfjs text items: `str` and a transform [a b c d e f]; marked-content items have neither. */
function runOf(item: object): TextRun | undefined {
  const { str, transform, width } = item as { str?: unknown; transform?: unknown; width?: unknown };
  if (typeof str !== 'string' || !Array.isArray(transform) || typeof width !== 'number') return undefined;
  const [a, b, c, d, x, y] = transform as number[];
  if (![a, b, c, d, x, y].every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  // Only upright text: rotated runs are watermarks (内部资料 across the page) or stamps, mirrored ones are odd.
  if (a! <= 0 || d! <= 0 || Math.abs(b!) > 0.01 * a! || Math.abs(c!) > 0.01 * d!) return undefined;
  return { text: str, x: x!, y: y!, width, size: d! };
}

/** `%%EOF` near the end: without it the file was cut off (a download or copy that stopped). */
function looksComplete(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return tail.includes('%%EOF');
}

function failure(error: unknown, fileName: string): TaizhangError {
  if (error instanceof TaizhangError) return error;
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'PasswordException') return new TaizhangError('FAULT_PDF_ENCRYPTED', { file: fileName }, { cause: error });
  return new TaizhangError('FAULT_PDF_INVALID', { file: fileName }, { cause: error });
}

async function loadEngine(runtime: PdfRuntime, fileName: string): Promise<PdfjsLike> {
  try {
    return await runtime.load();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.slice(0, 120) : String(cause).slice(0, 120);
    throw new TaizhangError('FAULT_PDF_UNAVAILABLE', { file: fileName, detail }, { cause });
  }
}

async function readPages(document: PdfDocumentLike, fileName: string): Promise<{ pages: PageLines[]; blank: number[] }> {
  if (document.numPages > MAX_PAGES) throw new TaizhangError('FAULT_PDF_TOO_LONG', { file: fileName, pages: document.numPages, limit: MAX_PAGES });
  const pages: PageLines[] = [];
  const blank: number[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const { items } = await page.getTextContent();
    const runs = items.map(runOf).filter((run): run is TextRun => run !== undefined);
    const [, bottom = 0, , top = 842] = page.view;
    const lines = rebuildLines(runs);
    if (lines.length === 0) blank.push(number);
    pages.push({ lines, bottom: Math.min(bottom, top), top: Math.max(bottom, top) });
  }
  return { pages, blank };
}

export async function readPdfText(bytes: Uint8Array, fileName: string, runtime: PdfRuntime): Promise<PdfText> {
  const pdfjs = await loadEngine(runtime, fileName);
  let task: ReturnType<PdfjsLike['getDocument']> | undefined;
  let read: { pages: PageLines[]; blank: number[] };
  try {
    // A copy: pdfjs hands the buffer to its worker, which detaches it.
    task = pdfjs.getDocument({
      data: bytes.slice(),
      cMapUrl: runtime.cMapUrl,
      cMapPacked: true,
      standardFontDataUrl: runtime.standardFontDataUrl,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    });
    read = await readPages(await task.promise, fileName);
  } catch (error) {
    throw failure(error, fileName);
  } finally {
    await task?.destroy().catch(() => undefined);
  }
  const issues: Issue[] = [];
  const paragraphs = paragraphsOf(dropPageFurniture(read.pages));
  if (paragraphs.length === 0) return { text: '', issues: [issue('PLAN_PDF_NO_TEXT', 'error', {})] };
  // A blank last page is common (Word leaves one after a page break); text-less pages elsewhere may be scans.
  const blank = read.blank.filter((page) => page !== read.pages.length || read.blank.length > 1);
  if (blank.length > 0) issues.push(issue('PLAN_PDF_PAGES_NO_TEXT', 'warning', {}, { pages: blank.join('、') }));
  if (!looksComplete(bytes)) issues.push(issue('PLAN_PDF_TRUNCATED', 'warning', {}));
  return { text: paragraphs.join('\n'), issues };
}
