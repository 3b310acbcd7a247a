/**
 * TemplateSpec → .xlsx bytes with exceljs. No file system: the caller writes
 * the bytes. All layout decisions are in the spec (src/core/template); this
 * only translates them.
 */
import ExcelJS from 'exceljs';
import type { TemplateSpec } from '../core/template/spec-types.js';
import { lockWorkbookStructure } from './render-lock.js';
import { renderSheet } from './render-sheet.js';
import { excelStyles } from './render-styles.js';

export async function renderWorkbook(spec: TemplateSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'taizhang';
  workbook.title = spec.title;
  const styles = excelStyles(spec.styles);
  for (const sheet of spec.sheets) renderSheet(workbook, sheet, styles);
  for (const name of spec.definedNames) workbook.definedNames.add(name.refersTo, name.name);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return spec.lockStructure ? lockWorkbookStructure(bytes) : bytes;
}
