/**
 * TemplateSpec → .xlsx bytes. No file system: the caller writes the bytes.
 * All layout decisions are in the spec (src/core/template); the SpreadsheetML
 * writer (./write) only translates them.
 */
import type { TemplateSpec } from '../core/template/spec-types.js';
import { writeWorkbook } from './write/index.js';

export async function renderWorkbook(spec: TemplateSpec): Promise<Uint8Array> {
  return writeWorkbook(spec);
}
