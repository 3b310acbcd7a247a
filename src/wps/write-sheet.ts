/**
 * One SheetSpec onto an ET worksheet. ET is synchronous and each call is a
 * round trip to the host, so the work is done in whole ranges: the values as
 * one 2-D `Value2` array, number formats per run of equal cells down a
 * column (before the values, so a text cell is text when its value arrives),
 * styles per rectangle of one style. Protection and hiding are separate
 * (`finishSheet`): they come after every sheet is written, as in Excel.
 */
import { dateRuleFormula } from '../core/workbook/serial-dates.js';
import { columnLetter, rangeRef } from '../core/workbook/a1.js';
import { headerSections } from '../core/workbook/header-sections.js';
import { GENERAL, sheetGrid, styleBlocks, type Grid } from '../core/workbook/sheet-grid.js';
import type { PrintSpec, SheetSpec, StyleSpec, ValidationSpec } from '../core/workbook/spec.js';
import { bgr, XL, type EtApplication, type EtRange, type EtWorksheet } from './et-types.js';

const H_ALIGN = { left: XL.left, center: XL.center, right: XL.right } as const;
const V_ALIGN = { top: XL.top, center: XL.center, bottom: XL.bottom } as const;
const POINTS_PER_INCH = 72;

/** Rectangles of one number format: runs down each column, joined across columns with the same run. */
export function formatRuns(grid: Grid): { address: string; format: string }[] {
  const open = new Map<string, { top: number; bottom: number; left: number; right: number; format: string }>();
  const done: { address: string; format: string }[] = [];
  const close = (key: string) => {
    const b = open.get(key)!;
    done.push({ address: rangeRef(b.left, b.top, b.right, b.bottom), format: b.format });
    open.delete(key);
  };
  for (let c = 0; c < grid.cols; c++) {
    const seen = new Set<string>();
    for (let r = 0; r < grid.rows; ) {
      const format = grid.formats[r]![c]!;
      let end = r;
      while (end + 1 < grid.rows && grid.formats[end + 1]![c] === format) end++;
      if (format !== GENERAL) {
        const key = `${r}:${end}:${format}`;
        seen.add(key);
        const prev = open.get(key);
        if (prev && prev.right === c) prev.right = c + 1;
        else {
          if (prev) close(key);
          open.set(key, { top: r + 1, bottom: end + 1, left: c + 1, right: c + 1, format });
        }
      }
      r = end + 1;
    }
    for (const key of [...open.keys()]) if (!seen.has(key)) close(key);
  }
  for (const key of [...open.keys()]) close(key);
  return done;
}

function applyStyle(range: EtRange, style: StyleSpec): void {
  range.Font.Name = style.font.name;
  range.Font.Size = style.font.size;
  range.Font.Bold = style.font.bold ?? false;
  if (style.font.color) range.Font.Color = bgr(style.font.color);
  if (style.fill) range.Interior.Color = bgr(style.fill);
  if (style.horizontal) range.HorizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical) range.VerticalAlignment = V_ALIGN[style.vertical];
  range.WrapText = style.wrap ?? false;
  if (style.border === 'thin') {
    range.Borders.LineStyle = XL.continuous;
    range.Borders.Weight = XL.thin;
  }
  if (!style.locked) range.Locked = false;
}


function applyValidation(range: EtRange, spec: ValidationSpec): void {
  const v = range.Validation;
  v.Delete();
  if (spec.kind === 'list') v.Add(XL.validateList, XL.alertStop, XL.between, spec.values.join(','));
  else if (spec.kind === 'date') v.Add(XL.validateDate, XL.alertStop, XL.between, dateRuleFormula(spec.min), dateRuleFormula(spec.max));
  else v.Add(XL.validateInputOnly);
  v.IgnoreBlank = spec.allowBlank;
  if (spec.kind === 'list') v.InCellDropdown = true;
  if (spec.prompt) {
    v.InputTitle = spec.prompt.title;
    v.InputMessage = spec.prompt.text;
  }
  v.ShowInput = spec.prompt !== undefined;
  if (spec.error) {
    v.ErrorTitle = spec.error.title;
    v.ErrorMessage = spec.error.text;
  }
  v.ShowError = spec.error !== undefined || spec.kind !== 'any';
}

function applyPrint(sheet: EtWorksheet, spec: PrintSpec): void {
  const page = sheet.PageSetup;
  page.Orientation = spec.orientation === 'landscape' ? XL.landscape : XL.portrait;
  page.PaperSize = XL.paperA4;
  // Fit to pages only works with Zoom off; 0 pages tall means "as many as needed", which ET spells false.
  page.Zoom = false;
  page.FitToPagesWide = spec.fitToWidth || false;
  page.FitToPagesTall = spec.fitToHeight || false;
  if (spec.printTitleRows) page.PrintTitleRows = spec.printTitleRows.replace(/(\d+)/g, '$$$1');
  if (spec.printArea) page.PrintArea = spec.printArea;
  page.LeftMargin = spec.margins.left * POINTS_PER_INCH;
  page.RightMargin = spec.margins.right * POINTS_PER_INCH;
  page.TopMargin = spec.margins.top * POINTS_PER_INCH;
  page.BottomMargin = spec.margins.bottom * POINTS_PER_INCH;
  page.HeaderMargin = spec.margins.header * POINTS_PER_INCH;
  page.FooterMargin = spec.margins.footer * POINTS_PER_INCH;
  page.CenterHorizontally = spec.horizontalCentered;
  const header = headerSections(spec.header);
  const footer = headerSections(spec.footer);
  page.LeftHeader = header.left;
  page.CenterHeader = header.center;
  page.RightHeader = header.right;
  page.LeftFooter = footer.left;
  page.CenterFooter = footer.center;
  page.RightFooter = footer.right;
}

function applyRowHeights(sheet: EtWorksheet, spec: SheetSpec): void {
  const rows = spec.rows.filter((r) => r.height !== undefined).sort((a, b) => a.row - b.row);
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1]!.height === rows[i]!.height && rows[j + 1]!.row === rows[j]!.row + 1) j++;
    sheet.Range(`${rows[i]!.row}:${rows[j]!.row}`).RowHeight = rows[i]!.height!;
    i = j + 1;
  }
}

/** Freeze panes belong to the window: the sheet is activated, then the split is set and frozen. */
function freeze(app: EtApplication, sheet: EtWorksheet, rows: number, columns: number): void {
  sheet.Activate();
  const window = app.ActiveWindow;
  window.FreezePanes = false;
  window.SplitRow = rows;
  window.SplitColumn = columns;
  window.FreezePanes = true;
}

export function writeSheet(app: EtApplication, sheet: EtWorksheet, spec: SheetSpec, styles: Record<string, StyleSpec>): void {
  const grid = sheetGrid(spec, styles);
  if (grid.rows > 0 && grid.cols > 0) {
    for (const run of formatRuns(grid)) sheet.Range(run.address).NumberFormat = run.format;
    sheet.Range(rangeRef(1, 1, grid.cols, grid.rows)).Value2 = grid.values;
  }
  for (const block of styleBlocks(spec)) {
    const style = styles[block.style];
    if (style) applyStyle(sheet.Range(rangeRef(block.left, block.top, block.right, block.bottom)), style);
  }
  spec.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const range = sheet.Range(`${letter}:${letter}`);
    range.ColumnWidth = column.width; // ET takes Excel's character units, as the spec has them
    if (column.hidden) range.EntireColumn.Hidden = true;
  });
  applyRowHeights(sheet, spec);
  for (const merge of spec.merges) sheet.Range(merge).Merge();
  for (const row of spec.rows) {
    for (const cell of row.cells) {
      if (!cell.link) continue;
      const anchor = sheet.Range(`${columnLetter(cell.col)}${row.row}`);
      const text = cell.value === null ? '' : String(cell.value);
      if (cell.link.startsWith('#')) sheet.Hyperlinks.Add(anchor, '', cell.link.slice(1), '', text);
      else sheet.Hyperlinks.Add(anchor, cell.link, '', '', text);
    }
  }
  for (const v of spec.validations) applyValidation(sheet.Range(v.range), v);
  for (const cf of spec.conditionalFormats) {
    const condition = sheet.Range(cf.range).FormatConditions.Add(XL.expression, undefined, `=${cf.formula}`);
    if (cf.style.fill) condition.Interior.Color = bgr(cf.style.fill);
    if (cf.style.fontColor) condition.Font.Color = bgr(cf.style.fontColor);
  }
  if (spec.autoFilter) sheet.Range(spec.autoFilter).AutoFilter();
  if (spec.tabColor) sheet.Tab.Color = bgr(spec.tabColor);
  if (spec.print) applyPrint(sheet, spec.print);
  if (spec.freeze && spec.state === 'visible' && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) freeze(app, sheet, spec.freeze.rows, spec.freeze.columns);
}

/** Protection and visibility: last, after every sheet is written (a protected sheet refuses formats). */
export function finishSheet(sheet: EtWorksheet, spec: SheetSpec): void {
  const p = spec.protection;
  if (p) {
    sheet.Protect('', true, true, true, false, false, p.allowFormatColumns, p.allowFormatRows, false, false, false, false, false, p.allowSort, p.allowAutoFilter);
    sheet.EnableSelection = p.allowSelectLockedCells ? XL.noRestrictions : XL.unlockedCells;
  }
  if (spec.state !== 'visible') sheet.Visible = spec.state === 'veryHidden' ? XL.sheetVeryHidden : XL.sheetHidden;
}
