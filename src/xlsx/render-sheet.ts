/** Writes one SheetSpec into an exceljs worksheet. A dumb walker: every decision is in the spec. */
import type ExcelJS from 'exceljs';
import type { PrintSpec, ProtectionSpec, SheetSpec, ValidationSpec } from '../core/template/spec-types.js';
import { excelConditionalStyle } from './render-styles.js';

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
