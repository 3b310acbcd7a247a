/**
 * A workbook we write, as plain data: the ledger (built by core/template) and
 * the bureau summary (core/summary) are both a `WorkbookSpec`. This is the ONE
 * definition of what gets written: the xlsx writer (CLI, browser) and the
 * Excel add-in (range APIs) both walk it. Nothing about a layout may live only
 * in a renderer. The ledger template's own constants are in template/constants.ts.
 *
 * Units: column widths are in Excel character units (width of "0" in the
 * default font, about 7 px); row heights in points; margins in inches (as in
 * the xlsx file); colours are `RRGGBB`. Rows and columns are 1-based.
 */

/** `report`: a sheet taizhang adds to report on a workbook (e.g. 校验结果); `summary`: a sheet of the bureau summary. */
export type SheetKind = 'instructions' | 'pillar' | 'meta' | 'report' | 'summary';
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface FontSpec {
  name: string;
  /** Points. */
  size: number;
  bold?: boolean;
  color?: string;
}

export interface StyleSpec {
  font: FontSpec;
  /** Solid fill colour. */
  fill?: string;
  /** Thin border on all four sides. */
  border?: 'thin';
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  /** Excel number format, e.g. `yyyy-mm-dd` or `@` (text). */
  numFmt?: string;
  /** Whether the cell is locked when the sheet is protected (Excel's default is locked). */
  locked: boolean;
}

/** Only fill and font colour: what a conditional format may change. */
export interface ConditionalStyleSpec {
  fill?: string;
  fontColor?: string;
}

export interface ColumnSpec {
  key: string;
  header: string;
  /** Excel character units. */
  width: number;
  locked: boolean;
  wrap: boolean;
  hidden: boolean;
}

export type CellValue = string | number | null;

export interface CellSpec {
  col: number;
  value: CellValue;
  /** Name in `WorkbookSpec.styles`. */
  style: string;
  /** A hyperlink target; `#'Sheet'!A1` jumps within the workbook. */
  link?: string;
}

export interface RowSpec {
  row: number;
  /** Points; absent means the application default. */
  height?: number;
  cells: CellSpec[];
}

export interface InputMessage {
  title: string;
  text: string;
}

interface ValidationBase {
  /** A1 range, e.g. `I3:I6`. */
  range: string;
  prompt?: InputMessage;
  /** Shown when the value is refused (style "stop"). */
  error?: InputMessage;
  allowBlank: boolean;
}
export type ValidationSpec =
  | (ValidationBase & { kind: 'list'; values: string[] })
  | (ValidationBase & { kind: 'date'; min: string; max: string })
  /** No restriction: only the input prompt. */
  | (ValidationBase & { kind: 'any' });

/** A formula rule written for the top-left cell of `range`; relative references move with the cell. */
export interface ConditionalFormatSpec {
  range: string;
  formula: string;
  style: ConditionalStyleSpec;
}

/** Sheet protection without a password; each flag says what users may still do. */
export interface ProtectionSpec {
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowSort: boolean;
  allowAutoFilter: boolean;
  allowSelectLockedCells: boolean;
}

export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  /** 9 = A4 (the xlsx paperSize code). */
  paperSize: 9;
  fitToWidth: number;
  /** 0 = as many pages as needed. */
  fitToHeight: number;
  /** Rows repeated on every page, e.g. `1:2`. */
  printTitleRows?: string;
  /**
   * What to print, e.g. `A1:J6`. Pillar sheets leave out the hidden 任务编号
   * column: LibreOffice prints a hidden column's wrapped text as a thin strip.
   */
  printArea?: string;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  horizontalCentered: boolean;
  /** Excel header/footer codes (`&C`, `&P`, `&N`, …). */
  header: string;
  footer: string;
}

/** A cell of the grid, 1-based. */
export interface GridPoint {
  col: number;
  row: number;
}

export interface ChartSeriesSpec {
  /** The series name, shown in the legend (and in the labels of a stacked chart). */
  name: string;
  /** A1 range of numbers on the chart's own sheet, one row or one column, as long as `categories`. */
  values: string;
  /** Bar (or line) colour `RRGGBB`. */
  color?: string;
  /** Line charts: a dashed line (e.g. a school against the solid overall line). */
  dashed?: boolean;
}

/**
 * A native chart drawn from cells of its own sheet. Bars are horizontal
 * (long school names read along the axis) unless `direction` says vertical;
 * horizontal bars list the categories top to bottom in the sheet's order.
 * A `line` chart runs its categories left to right (e.g. rounds over time).
 */
export interface ChartSpec {
  kind: 'bar' | 'stackedBar' | 'line';
  direction?: 'horizontal' | 'vertical';
  title: string;
  /** A1 range of the category labels, one row or one column. */
  categories: string;
  series: ChartSeriesSpec[];
  /** The chart covers the cells from `from` to `to`, both included. */
  anchor: { from: GridPoint; to: GridPoint };
  /** Number format of the value axis and the labels, e.g. `0%` for rates stored as fractions. */
  valueFormat?: string;
  /** Value axis bounds; open when absent. */
  valueMin?: number;
  valueMax?: number;
  /** Font of every text in the chart (a CJK face, so Chinese is not drawn in a fallback). */
  font?: string;
  /** Points; every category is labelled (none skipped), so many categories need a smaller size. */
  categoryFontSize?: number;
}

export interface SheetSpec {
  name: string;
  kind: SheetKind;
  state: SheetState;
  /** Pillar number for pillar sheets. */
  pillarNo?: number;
  columns: ColumnSpec[];
  rows: RowSpec[];
  merges: string[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  protection?: ProtectionSpec;
  freeze?: { rows: number; columns: number };
  autoFilter?: string;
  print?: PrintSpec;
  tabColor?: string;
  /** Native charts, drawn over the sheet's cells. */
  charts?: ChartSpec[];
  /** Rows after `rows`, made one at a time while the sheet is written (see StreamedRows). */
  /**
   * Strings written in their cells (`inlineStr`), not into the shared table: for a sheet of texts that
   * no other sheet repeats, which would only grow the table every sheet's strings wait in until the end.
   */
  inlineStrings?: boolean;
  streamed?: StreamedRows;
}

/**
 * A long table body (明细, 问题清单 of 20,000 schools: millions of cells)
 * made row by row as the writer takes it, so it is never held whole. Its rows
 * come after every row in `rows`, in order, each with cells in columns
 * 1..`columns`, and no merge reaches them; `tail` (a table's notes) comes
 * after them. Only the .xlsx writer reads it: a spec meant for anything else
 * is built without it.
 */
export interface StreamedRows {
  /** Row number of the first streamed row. */
  first: number;
  count: number;
  /** Cells per row. */
  columns: number;
  rows(): Iterable<RowSpec>;
  /** Rows after the streamed ones: held, few, and they may be merged. */
  tail?: RowSpec[];
}

export interface DefinedNameSpec {
  name: string;
  /** e.g. `'一、加强政治建设'!$A$1`. */
  refersTo: string;
}

export interface WorkbookSpec {
  /** Stable hash of the plan content; the same for every unit filling the same plan. */
  templateId: string;
  templateVersion: number;
  title: string;
  sheets: SheetSpec[];
  styles: Record<string, StyleSpec>;
  definedNames: DefinedNameSpec[];
  /** Lock the workbook structure (no password) so sheets cannot be casually unhidden, deleted or added. */
  lockStructure: boolean;
}
