/**
 * One worksheet part: what comes before and after `<sheetData>`, in the order
 * the schema requires (sheetPr, dimension, sheetViews, sheetFormatPr, cols,
 * sheetData, sheetProtection, autoFilter, mergeCells, conditionalFormatting,
 * dataValidations, hyperlinks, printOptions, pageMargins, pageSetup,
 * headerFooter, drawing).
 */
import { excelSerialFromIso } from '../../core/workbook/serial-dates.js';
import { TaizhangError } from '../../core/issues.js';
import { appendAll } from '../../core/arrays.js';
import type { Issue } from '../../core/model.js';
import { fitRow } from '../../core/workbook/text-limit.js';
import type { PrintSpec, ProtectionSpec, RowSpec, SheetSpec, StreamedRows, ValidationSpec } from '../../core/workbook/spec.js';
import { dimension, orderedRows, withMergedCells, writeSheetData, type Hyperlink, type SheetContext } from './sheet-data.js';
import { columnLetter } from '../../core/workbook/a1.js';
import { drawingRel } from './drawing.js';
import { xmlAttr, xmlText } from './xml.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HYPERLINK_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const DEFAULT_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

function sheetPr(sheet: SheetSpec): string {
  const inner = (sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.toUpperCase()}"/>` : '') + (sheet.print ? '<pageSetUpPr fitToPage="1"/>' : '');
  return inner ? `<sheetPr>${inner}</sheetPr>` : '';
}

function sheetView(sheet: SheetSpec): string {
  const rows = sheet.freeze?.rows ?? 0;
  const cols = sheet.freeze?.columns ?? 0;
  if (rows <= 0 && cols <= 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const topLeft = columnLetter(cols + 1) + (rows + 1);
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView></sheetViews>'
  );
}

function cols(sheet: SheetSpec): string {
  if (sheet.columns.length === 0) return '';
  const items = sheet.columns.map(
    (c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${c.hidden ? ' hidden="1"' : ''} customWidth="1"/>`,
  );
  return `<cols>${items.join('')}</cols>`;
}

/** OOXML flags say what is PROTECTED: `formatColumns="0"` means formatting columns stays allowed. */
function protection(p: ProtectionSpec): string {
  return (
    '<sheetProtection sheet="1"' +
    (p.allowSelectLockedCells ? '' : ' selectLockedCells="1"') +
    (p.allowFormatColumns ? ' formatColumns="0"' : '') +
    (p.allowFormatRows ? ' formatRows="0"' : '') +
    (p.allowSort ? ' sort="0"' : '') +
    (p.allowAutoFilter ? ' autoFilter="0"' : '') +
    '/>'
  );
}

function serial(iso: string): number {
  const value = excelSerialFromIso(iso);
  if (value === undefined) throw new TaizhangError('FAULT_INTERNAL', { detail: `validation date ${iso} is not a valid date` });
  return value;
}

function validation(v: ValidationSpec): string {
  let attrs = '';
  let formulas = '';
  if (v.kind === 'list') {
    attrs = ' type="list"';
    formulas = `<formula1>${xmlText(`"${v.values.map((s) => s.replace(/"/g, '""')).join(',')}"`)}</formula1>`;
  } else if (v.kind === 'date') {
    attrs = ' type="date" operator="between"';
    formulas = `<formula1>${serial(v.min)}</formula1><formula2>${serial(v.max)}</formula2>`;
  }
  if (v.allowBlank) attrs += ' allowBlank="1"';
  if (v.prompt) attrs += ` showInputMessage="1" promptTitle="${xmlAttr(v.prompt.title)}" prompt="${xmlAttr(v.prompt.text)}"`;
  if (v.error) attrs += ` showErrorMessage="1" errorStyle="stop" errorTitle="${xmlAttr(v.error.title)}" error="${xmlAttr(v.error.text)}"`;
  const open = `<dataValidation${attrs} sqref="${xmlAttr(v.range)}"`;
  return formulas ? `${open}>${formulas}</dataValidation>` : `${open}/>`;
}

function print(p: PrintSpec): string {
  const m = p.margins;
  const header = p.header ? `<oddHeader>${xmlText(p.header)}</oddHeader>` : '';
  const footer = p.footer ? `<oddFooter>${xmlText(p.footer)}</oddFooter>` : '';
  return (
    (p.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : '') +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${p.paperSize}" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>` +
    (header || footer ? `<headerFooter>${header}${footer}</headerFooter>` : '')
  );
}

function hyperlinks(links: Hyperlink[], rels: string[]): string {
  if (links.length === 0) return '';
  const items = links.map((link) => {
    const display = ` display="${xmlAttr(link.display)}"`;
    if (link.target.startsWith('#')) return `<hyperlink ref="${link.ref}" location="${xmlAttr(link.target.slice(1))}"${display}/>`;
    rels.push(link.target);
    return `<hyperlink ref="${link.ref}" r:id="rId${rels.length}"${display}/>`;
  });
  return `<hyperlinks>${items.join('')}</hyperlinks>`;
}

/** The sheet's relationships (external hyperlinks, then its drawing part when it has one), or null when it has none. */
export function sheetRels(targets: string[], drawing?: number): string | null {
  if (targets.length === 0 && drawing === undefined) return null;
  const items = targets.map(
    (t, i) => `<Relationship Id="rId${i + 1}" Type="${HYPERLINK_REL}" Target="${xmlAttr(t)}" TargetMode="External"/>`,
  );
  if (drawing !== undefined) items.push(drawingRel(`rId${targets.length + 1}`, drawing));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/** The streamed rows, each with its texts fitted to a cell as it comes (a cut is told to `ctx.onIssue`). */
function* fittedRows(sheetName: string, rows: Iterable<RowSpec>, ctx: SheetContext): Iterable<RowSpec> {
  const issues: Issue[] = [];
  for (const row of rows) {
    yield fitRow(sheetName, row, issues);
    for (const item of issues) ctx.onIssue?.(item);
    issues.length = 0;
  }
}

/**
 * Writes the whole worksheet part; returns the targets of its external
 * hyperlinks (for its .rels). `drawing` is the number of its drawing part, when it has charts.
 */
export function writeSheet(sheet: SheetSpec, ctx: SheetContext, write: (text: string) => void, drawing?: number): string[] {
  const rows = withMergedCells(orderedRows(sheet.rows), sheet.merges);
  const streamed = sheet.streamed;
  const tail = streamed?.tail ? withMergedCells(orderedRows([...fittedRows(sheet.name, streamed.tail, ctx)]), sheet.merges) : [];
  write(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      sheetPr(sheet) +
      `<dimension ref="${dimension(tail.length > 0 ? rows.concat(tail) : rows, streamed)}"/>` +
      sheetView(sheet) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      cols(sheet) +
      '<sheetData>',
  );
  const links = writeSheetData(sheet, rows, ctx, write);
  if (streamed) {
    appendAll(links, writeSheetData(sheet, fittedRows(sheet.name, streamed.rows(), ctx), ctx, write));
    appendAll(links, writeSheetData(sheet, tail, ctx, write));
  }
  const rels: string[] = [];
  const merges = sheet.merges.map((m) => `<mergeCell ref="${xmlAttr(m)}"/>`);
  const formats = sheet.conditionalFormats.map(
    (cf, i) =>
      `<conditionalFormatting sqref="${xmlAttr(cf.range)}"><cfRule type="expression" dxfId="${ctx.styles.dxf(cf.style)}" priority="${i + 1}">` +
      `<formula>${xmlText(cf.formula)}</formula></cfRule></conditionalFormatting>`,
  );
  write(
    '</sheetData>' +
      (sheet.protection ? protection(sheet.protection) : '') +
      (sheet.autoFilter ? `<autoFilter ref="${xmlAttr(sheet.autoFilter)}"/>` : '') +
      (merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '') +
      formats.join('') +
      (sheet.validations.length ? `<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validation).join('')}</dataValidations>` : '') +
      hyperlinks(links, rels) +
      (sheet.print ? print(sheet.print) : DEFAULT_MARGINS) +
      (drawing !== undefined ? `<drawing r:id="rId${rels.length + 1}"/>` : '') +
      '</worksheet>',
  );
  return rels;
}
