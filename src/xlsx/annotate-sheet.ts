/**
 * Writes one SheetSpec into an exceljs workbook: annotate.ts adds the 校验结果
 * sheet to a school's workbook it loaded with exceljs. Whole workbooks are
 * rendered by the SpreadsheetML writer (./write); this walker is only for
 * adding a sheet to an existing exceljs workbook. Every decision is in the spec.
 */
import type ExcelJS from 'exceljs';
import type { ConditionalStyleSpec, PrintSpec, ProtectionSpec, SheetSpec, StyleSpec, ValidationSpec } from '../core/workbook/spec.js';

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

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function dataValidation(v: ValidationSpec): ExcelJS.DataValidation {
  const messages = {
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.text } : {}),
    ...(v.error ? { showErrorMessage: true, errorStyle: 'stop', errorTitle: v.error.title, error: v.error.text } : {}),
  };
  switch (v.kind) {
    case 'list':
      return { type: 'list', allowBlank: v.allowBlank, formulae: [`"${v.values.join(',')}"`], ...messages };
    case 'date':
      return {
        type: 'date',
        operator: 'between',
        allowBlank: v.allowBlank,
        formulae: [isoToDate(v.min), isoToDate(v.max)],
        ...messages,
      };
    case 'any':
      // exceljs types lack 'any', but its writer supports it (no type attribute = any value).
      return { type: 'any', allowBlank: v.allowBlank, formulae: [], ...messages } as unknown as ExcelJS.DataValidation;
  }
}

/** exceljs's model: `true` means the action stays allowed. No password, so nothing is hashed. */
function sheetProtection(p: ProtectionSpec): Record<string, boolean> {
  return {
    sheet: true,
    formatColumns: p.allowFormatColumns,
    formatRows: p.allowFormatRows,
    sort: p.allowSort,
    autoFilter: p.allowAutoFilter,
    selectLockedCells: p.allowSelectLockedCells,
    selectUnlockedCells: true,
  };
}

function pageSetup(p: PrintSpec): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: p.paperSize,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: p.horizontalCentered,
    margins: p.margins,
    ...(p.printTitleRows ? { printTitlesRow: p.printTitleRows } : {}),
    ...(p.printArea ? { printArea: p.printArea } : {}),
  };
}

/** Parts of exceljs's worksheet that its type declarations leave out. */
interface WorksheetInternals {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
  sheetProtection: Record<string, boolean> | null;
}

export function renderSheet(
  workbook: ExcelJS.Workbook,
  sheet: SheetSpec,
  styles: Map<string, Partial<ExcelJS.Style>>,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.state,
    ...(sheet.tabColor ? { properties: { tabColor: { argb: `FF${sheet.tabColor}` } } } : {}),
    views: sheet.freeze
      ? [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
      : [{ state: 'normal' }],
    ...(sheet.print
      ? { pageSetup: pageSetup(sheet.print), headerFooter: { oddHeader: sheet.print.header, oddFooter: sheet.print.footer } }
      : {}),
  });
  sheet.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.hidden) column.hidden = true;
  });
  for (const row of sheet.rows) {
    const r = ws.getRow(row.row);
    if (row.height !== undefined) r.height = row.height;
    for (const cell of row.cells) {
      const style = styles.get(cell.style);
      if (!style) throw new Error(`unknown style ${cell.style}`);
      const c = r.getCell(cell.col);
      // Text is always written as a plain string (never a formula), whatever it starts with.
      c.value = cell.link && cell.value !== null ? { text: String(cell.value), hyperlink: cell.link } : cell.value;
      c.style = style;
    }
  }
  for (const range of sheet.merges) ws.mergeCells(range);
  const internals = ws as unknown as WorksheetInternals;
  for (const v of sheet.validations) internals.dataValidations.add(v.range, dataValidation(v));
  sheet.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: 'expression', priority: i + 1, formulae: [cf.formula], style: excelConditionalStyle(cf.style) }],
    }),
  );
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  if (sheet.protection) internals.sheetProtection = sheetProtection(sheet.protection);
  return ws;
}
