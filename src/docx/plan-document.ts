/**
 * Reads a 工作要点 file of any accepted kind (.txt in UTF-8/UTF-16/GB18030, or
 * .docx) into a parsed plan. Shared by the CLI and the browser page so both
 * accept exactly the same files. Old Word/WPS files are named (the CLI
 * converts them); PDFs are read by app/load-plan when the front end gives it pdfjs.
 */
import { decodePlanText } from '../core/plan/decode-text.js';
import { TaizhangError } from '../core/issues.js';
import type { Issue, ParseResult } from '../core/model.js';
import { parsePlan, type ParseOptions } from '../core/plan/index.js';
import { extractDocxText } from './extract-text.js';
import { compoundFileRefusal, isCompoundFile } from './legacy-word.js';
import { checkDocxPackage } from './package-limits.js';

/** A .txt plan is a few dozen kilobytes; past this it is not a plan (and its text would not fit the ledger's cells). */
export const MAX_PLAN_TEXT_BYTES = 4 * 1024 * 1024;

export interface PlanDocument extends ParseResult {
  /** How the text was read: an encoding name, or `docx`. */
  source: 'docx' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

export async function readPlanDocument(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<PlanDocument> {
  // Sniff the content rather than trust the extension: plans get renamed on the way.
  if (startsWith(bytes, ZIP_MAGIC)) {
    // The package's sizes first (a plan is small; a bomb is refused before anything is inflated past its word).
    checkDocxPackage(bytes, fileName);
    const text = await extractDocxText(bytes, fileName);
    return { ...parsePlan(text, options), source: 'docx' };
  }
  if (isCompoundFile(bytes)) throw compoundFileRefusal(bytes, fileName);
  if (startsWith(bytes, PDF_MAGIC)) throw new TaizhangError('FAULT_PLAN_FORMAT', { file: fileName });
  if (bytes.length > MAX_PLAN_TEXT_BYTES) throw new TaizhangError('FAULT_PLAN_TOO_LARGE', { file: fileName, size: bytes.length, limit: MAX_PLAN_TEXT_BYTES });
  const decoded = decodePlanText(bytes);
  const parsed = parsePlan(decoded.text, options);
  const issues: Issue[] = [...decoded.issues, ...parsed.issues];
  return { ...parsed, issues, source: decoded.encoding };
}
