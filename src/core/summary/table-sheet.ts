/**
 * The frame every summary sheet shares: a merged title, an optional line of
 * totals under it, optional band rows, the column header, the table, then
 * optional notes. Printed A4 landscape one page wide with the title and
 * header repeated on every page; header frozen; filter on the header row.
 */
import { TaizhangError } from '../issues.js';
import { cellRef, columnLetter } from '../workbook/a1.js';
import { printSetup } from '../template/print-setup.js';
import { estimateRowHeight, lineCounter, RowHeight, type LineCounter } from '../template/row-height.js';
import type { CellSpec, CellValue, RowSpec, SheetSpec, StreamedRows } from '../workbook/spec.js';
import { SUMMARY_BODY_SIZE, SUMMARY_STYLE, SUMMARY_STYLES, type SummaryStyleName } from './summary-styles.js';

export interface TableColumn {
  key: string;
  header: string;
  /** Excel character units; avoid exactly 9 (exceljs drops it as its default). */
  width: number;
  /** Body style of the column. */
  style: SummaryStyleName;
}

export interface StyledCell {
  value: CellValue;
  /** Overrides the column's style. */
  style?: SummaryStyleName;
}

/** A bare value takes its column's style: the 明细 of 2,000 schools has half a million cells, most of them plain. */
export type TableCell = CellValue | StyledCell;

/** A row spanning the table: cells by column index (0-based), merges as [first, last] column indexes. */
export interface FreeRow {
  cells: { index: number; value: CellValue; style: SummaryStyleName }[];
  merges?: [number, number][];
  height?: number;
}

/** `count` body rows, made as they are taken. */
export interface LazyBody {
  count: number;
  rows(): Iterable<TableCell[]>;
}

export interface TableSheet {
  name: string;
  title: string;
  subtitle?: string;
  /** Page header text. */
  pageTitle: string;
  columns: TableColumn[];
  /** Rows between the subtitle and the column header (e.g. a pillar band). */
  bands?: FreeRow[];
  /** The table's rows; or `bodyOf`, when they are made one at a time from the caller's data. */
  body?: TableCell[][];
  bodyOf?: LazyBody;
  /** Body and totals rows made while the sheet is written, never held whole (`SheetSpec.streamed`). */
  stream?: boolean;
  /** Rows right under the table, outside the filter (totals). */
  totals?: TableCell[][];
  /** Rows after a blank line (legends, notes). */
  notes?: FreeRow[];
  freezeColumns?: number;
  tabColor?: string;
}

function fontSizeOf(style: SummaryStyleName): number {
  return SUMMARY_STYLES[style].font.size;
}

/** A body, totals or header row: one cell per column, its height from the tallest wrapped text. */
function tableRow(row: number, cells: readonly TableCell[], columns: readonly TableColumn[], counters: readonly LineCounter[], min = 18): RowSpec {
  const specs: CellSpec[] = new Array(columns.length);
  const height = new RowHeight(min);
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const cell = cells[i];
    const styled = cell !== null && typeof cell === 'object';
    // A styled null stays a cell with no value (a chart's gap: an empty string is text, which Excel draws as 0).
    const value = styled ? cell.value : (cell ?? '');
    const style = (styled ? cell.style : undefined) ?? column.style;
    specs[i] = { col: i + 1, value, style };
    // Numbers are short and never wrap; String(1 / 3) would count as 18 characters.
    if (typeof value !== 'string' || value === '') continue;
    if (style === column.style) height.addLines(counters[i]!.lines(value), counters[i]!.fontSize);
    else height.add(value, column.width, fontSizeOf(style));
  }
  return { row, height: height.points, cells: specs };
}

function freeRow(row: number, free: FreeRow, columns: readonly TableColumn[], merges: string[]): RowSpec {
  const widthOf = (first: number, last: number) => columns.slice(first, last + 1).reduce((w, c) => w + c.width, 0);
  const spans = new Map((free.merges ?? []).map(([a, b]) => [a, b]));
  for (const [a, b] of free.merges ?? []) if (b > a) merges.push(`${cellRef(a + 1, row)}:${cellRef(b + 1, row)}`);
  const measured = free.cells.map((c) => ({
    text: c.value === null ? '' : String(c.value),
    widthChars: widthOf(c.index, spans.get(c.index) ?? c.index),
    fontSize: fontSizeOf(c.style),
  }));
  return {
    row,
    height: free.height ?? estimateRowHeight(measured, 18),
    cells: free.cells.map((c) => ({ col: c.index + 1, value: c.value, style: c.style })),
  };
}

export function tableSheet(t: TableSheet): SheetSpec {
  const last = t.columns.length;
  const lastLetter = columnLetter(last);
  const totalWidth = t.columns.reduce((w, c) => w + c.width, 0);
  const merges: string[] = [`A1:${lastLetter}1`];
  const rows: RowSpec[] = [{ row: 1, height: 30, cells: [{ col: 1, value: t.title, style: SUMMARY_STYLE.title }] }];
  let r = 2;
  if (t.subtitle) {
    merges.push(`A2:${lastLetter}2`);
    const height = estimateRowHeight([{ text: t.subtitle, widthChars: totalWidth, fontSize: SUMMARY_BODY_SIZE }], 20);
    rows.push({ row: r++, height, cells: [{ col: 1, value: t.subtitle, style: SUMMARY_STYLE.subtitle }] });
  }
  for (const band of t.bands ?? []) rows.push(freeRow(r++, band, t.columns, merges));
  const headerRow = r++;
  const headerCells = t.columns.map((c) => ({ value: c.header, style: SUMMARY_STYLE.header }));
  const counters = t.columns.map((c) => lineCounter(c.width, fontSizeOf(c.style)));
  rows.push(tableRow(headerRow, headerCells, t.columns, counters, 24));
  const body: LazyBody = t.bodyOf ?? { count: t.body?.length ?? 0, rows: () => t.body ?? [] };
  const streamed = t.stream ? streamedBody(r, body, t.totals ?? [], t.columns, counters) : undefined;
  if (streamed) r += body.count;
  else for (const cells of body.rows()) rows.push(tableRow(r++, cells, t.columns, counters));
  const lastBodyRow = r - 1;
  if (streamed) r += t.totals?.length ?? 0;
  else for (const cells of t.totals ?? []) rows.push(tableRow(r++, cells, t.columns, counters, 20));
  if (t.notes && t.notes.length > 0) r++;
  const noteRows = streamed ? streamed.tail : rows;
  for (const note of t.notes ?? []) noteRows.push(freeRow(r++, note, t.columns, merges));
  return {
    name: t.name,
    kind: 'summary',
    state: 'visible',
    columns: t.columns.map((c) => ({ key: c.key, header: c.header, width: c.width, locked: true, wrap: true, hidden: false })),
    rows,
    merges,
    validations: [],
    conditionalFormats: [],
    freeze: { rows: headerRow, columns: t.freezeColumns ?? 0 },
    autoFilter: `A${headerRow}:${lastLetter}${Math.max(headerRow, lastBodyRow)}`,
    print: printSetup('landscape', t.pageTitle, { titleRows: `1:${headerRow}` }),
    ...(t.tabColor ? { tabColor: t.tabColor } : {}),
    ...(streamed ? { streamed } : {}),
  };
}

/** The body, then the totals, made as they are written; the notes (merged) are its `tail`, built with the sheet. */
function streamedBody(first: number, body: LazyBody, totals: readonly TableCell[][], columns: readonly TableColumn[], counters: readonly LineCounter[]): StreamedRows & { tail: RowSpec[] } {
  return {
    first,
    count: body.count + totals.length,
    columns: columns.length,
    *rows() {
      let row = first;
      for (const cells of body.rows()) yield tableRow(row++, cells, columns, counters);
      // A body shorter or longer than it said would misplace every row after it, and the sheet's range.
      if (row !== first + body.count) throw new TaizhangError('FAULT_INTERNAL', { detail: `streamed rows: ${row - first} made, ${body.count} expected` });
      for (const cells of totals) yield tableRow(row++, cells, columns, counters, 20);
    },
    tail: [],
  };
}

/** A note line spanning the whole table. */
export function noteRow(text: string, columns: number, style: SummaryStyleName = SUMMARY_STYLE.subtitle): FreeRow {
  return { cells: [{ index: 0, value: text, style }], merges: [[0, columns - 1]] };
}
