/**
 * WriteOp → Office.js calls. Only queues commands; the caller syncs once per
 * batch. Colours in the spec are `RRGGBB`; Office.js wants `#RRGGBB`.
 */
/// <reference types="office-js" />
import { dateRuleFormula } from '../core/workbook/serial-dates.js';
import type { PrintSpec, StyleSpec, ValidationSpec } from '../core/workbook/spec.js';
import { headerSections } from '../core/workbook/header-sections.js';
import type { WriteOp } from './write-ops.js';

export { headerSections } from '../core/workbook/header-sections.js';

const color = (rgb: string) => `#${rgb}`;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;
const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;
const POINTS_PER_INCH = 72;

function applyStyle(range: Excel.Range, style: StyleSpec): void {
  const format = range.format;
  format.font.name = style.font.name;
  format.font.size = style.font.size;
  format.font.bold = style.font.bold ?? false;
  if (style.font.color) format.font.color = color(style.font.color);
  if (style.fill) format.fill.color = color(style.fill);
  if (style.horizontal) format.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical) format.verticalAlignment = V_ALIGN[style.vertical];
  format.wrapText = style.wrap ?? false;
  if (style.border === 'thin') {
    for (const edge of EDGES) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
  }
}


function applyValidation(range: Excel.Range, spec: ValidationSpec): void {
  const dv = range.dataValidation;
  if (spec.kind === 'list') dv.rule = { list: { inCellDropDown: true, source: spec.values.join(',') } };
  if (spec.kind === 'date') dv.rule = { date: { operator: 'Between', formula1: dateRuleFormula(spec.min), formula2: dateRuleFormula(spec.max) } };
  dv.ignoreBlanks = spec.allowBlank;
  if (spec.prompt) dv.prompt = { showPrompt: true, title: spec.prompt.title, message: spec.prompt.text };
  if (spec.error) dv.errorAlert = { showAlert: true, style: 'Stop', title: spec.error.title, message: spec.error.text };
}

function applyPrint(sheet: Excel.Worksheet, spec: PrintSpec): void {
  const layout = sheet.pageLayout;
  layout.orientation = spec.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  layout.zoom = { horizontalFitToPages: spec.fitToWidth, verticalFitToPages: spec.fitToHeight };
  layout.leftMargin = spec.margins.left * POINTS_PER_INCH;
  layout.rightMargin = spec.margins.right * POINTS_PER_INCH;
  layout.topMargin = spec.margins.top * POINTS_PER_INCH;
  layout.bottomMargin = spec.margins.bottom * POINTS_PER_INCH;
  layout.headerMargin = spec.margins.header * POINTS_PER_INCH;
  layout.footerMargin = spec.margins.footer * POINTS_PER_INCH;
  layout.centerHorizontally = spec.horizontalCentered;
  if (spec.printArea) layout.setPrintArea(spec.printArea);
  if (spec.printTitleRows) layout.setPrintTitleRows(spec.printTitleRows.replace(/(\d+)/g, '$$$1'));
  const header = headerSections(spec.header);
  const footer = headerSections(spec.footer);
  const page = layout.headersFooters.defaultForAllPages;
  page.leftHeader = header.left;
  page.centerHeader = header.center;
  page.rightHeader = header.right;
  page.leftFooter = footer.left;
  page.centerFooter = footer.center;
  page.rightFooter = footer.right;
}

/** Queues one op. `sheets` caches the worksheet proxies of this batch. */
export function applyOp(workbook: Excel.Workbook, sheets: Map<string, Excel.Worksheet>, op: WriteOp): void {
  if (op.kind === 'addSheet') {
    sheets.set(op.sheet, workbook.worksheets.add(op.sheet));
    return;
  }
  let sheet = sheets.get(op.sheet);
  if (!sheet) {
    sheet = workbook.worksheets.getItem(op.sheet);
    sheets.set(op.sheet, sheet);
  }
  switch (op.kind) {
    case 'numberFormat':
      sheet.getRange(op.address).numberFormat = op.formats;
      return;
    case 'values':
      sheet.getRange(op.address).values = op.values;
      return;
    case 'style':
      return applyStyle(sheet.getRange(op.address), op.style);
    case 'unlock':
      sheet.getRange(op.address).format.protection.locked = false;
      return;
    case 'merge':
      sheet.getRange(op.address).merge(false);
      return;
    case 'columnWidth': {
      const range = sheet.getRange(op.address);
      range.format.columnWidth = op.points;
      if (op.hidden) range.columnHidden = true;
      return;
    }
    case 'rowHeight':
      sheet.getRange(op.address).format.rowHeight = op.points;
      return;
    case 'link': {
      const internal = op.target.startsWith('#');
      sheet.getRange(op.address).hyperlink = internal
        ? { documentReference: op.target.slice(1), textToDisplay: op.text }
        : { address: op.target, textToDisplay: op.text };
      return;
    }
    case 'validation':
      return applyValidation(sheet.getRange(op.spec.range), op.spec);
    case 'conditionalFormat': {
      const cf = sheet.getRange(op.spec.range).conditionalFormats.add('Custom');
      cf.custom.rule.formula = `=${op.spec.formula}`;
      if (op.spec.style.fill) cf.custom.format.fill.color = color(op.spec.style.fill);
      if (op.spec.style.fontColor) cf.custom.format.font.color = color(op.spec.style.fontColor);
      return;
    }
    case 'freeze':
      if (op.rows > 0 && op.columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, op.rows, op.columns));
      else if (op.rows > 0) sheet.freezePanes.freezeRows(op.rows);
      else if (op.columns > 0) sheet.freezePanes.freezeColumns(op.columns);
      return;
    case 'autoFilter':
      sheet.autoFilter.apply(sheet.getRange(op.address));
      return;
    case 'tabColor':
      sheet.tabColor = color(op.color);
      return;
    case 'print':
      return applyPrint(sheet, op.spec);
    case 'protect':
      sheet.protection.protect({
        allowFormatColumns: op.spec.allowFormatColumns,
        allowFormatRows: op.spec.allowFormatRows,
        allowSort: op.spec.allowSort,
        allowAutoFilter: op.spec.allowAutoFilter,
        ...(op.selectionMode ? { selectionMode: op.spec.allowSelectLockedCells ? 'Normal' : 'Unlocked' } : {}),
      });
      return;
    case 'visibility':
      sheet.visibility = op.state === 'veryHidden' ? 'VeryHidden' : op.state === 'hidden' ? 'Hidden' : 'Visible';
      return;
  }
}
