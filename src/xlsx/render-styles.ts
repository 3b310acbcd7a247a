/** Spec styles → exceljs styles. Colours in the spec are `RRGGBB`; exceljs wants `AARRGGBB`. */
import type ExcelJS from 'exceljs';
import type { ConditionalStyleSpec, StyleSpec } from '../core/template/spec-types.js';

const argb = (rgb: string): { argb: string } => ({ argb: `FF${rgb.toUpperCase()}` });
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

export function excelStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: spec.font.name,
      size: spec.font.size,
      ...(spec.font.bold ? { bold: true } : {}),
      ...(spec.font.color ? { color: argb(spec.font.color) } : {}),
      // charset 134 = GB2312: tells Excel the face is Chinese so it does not substitute a Latin one.
      charset: 134,
    },
    alignment: {
      ...(spec.horizontal ? { horizontal: spec.horizontal } : {}),
      ...(spec.vertical ? { vertical: spec.vertical === 'center' ? 'middle' : spec.vertical } : {}),
      ...(spec.wrap ? { wrapText: true } : {}),
    },
    protection: { locked: spec.locked },
  };
  if (spec.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(spec.fill) };
  if (spec.border === 'thin') style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (spec.numFmt) style.numFmt = spec.numFmt;
  return style;
}

export function excelStyles(specs: Record<string, StyleSpec>): Map<string, Partial<ExcelJS.Style>> {
  return new Map(Object.entries(specs).map(([name, spec]) => [name, excelStyle(spec)]));
}

/** Differential style for a conditional format (Excel reads a solid dxf fill from bgColor). */
export function excelConditionalStyle(spec: ConditionalStyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (spec.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(spec.fill), bgColor: argb(spec.fill) };
  if (spec.fontColor) style.font = { color: argb(spec.fontColor) };
  return style;
}
