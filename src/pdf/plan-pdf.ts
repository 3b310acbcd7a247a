/**
 * A PDF 工作要点 read into a plan: its text layer as paragraphs, parsed like
 * any text (the parser's page-break healing joins what the PDF split), with
 * the PDF's own issues (no text layer, pages without text, cut off) first.
 */
import type { Issue, ParseResult } from '../core/model.js';
import { parsePlan, type ParseOptions } from '../core/plan/index.js';
import { readPdfText, type PdfRuntime } from './read-pdf.js';

export type { PdfRuntime } from './read-pdf.js';

/** `%PDF-` within the first KB, where readers look for it (some writers put junk before it). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let at = 0; at + 5 <= head.length; at++) {
    if (head[at] === 0x25 && head[at + 1] === 0x50 && head[at + 2] === 0x44 && head[at + 3] === 0x46 && head[at + 4] === 0x2d) return true;
  }
  return false;
}

export async function readPdfPlan(bytes: Uint8Array, fileName: string, runtime: PdfRuntime, options: ParseOptions = {}): Promise<ParseResult & { source: 'pdf' }> {
  const { text, issues } = await readPdfText(bytes, fileName, runtime);
  if (text === '') {
    // Nothing to parse: only the PDF's own reason, not the parser's 文件中没有可读的文字 on top of it.
    return { plan: parsePlan('').plan, issues, source: 'pdf' };
  }
  const parsed = parsePlan(text, options);
  const all: Issue[] = [...issues, ...parsed.issues];
  return { plan: parsed.plan, issues: all, source: 'pdf' };
}
