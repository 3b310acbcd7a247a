/**
 * `<sheetData>` of one sheet, written row by row into the zip. Every string
 * is a plain string cell (shared or inline), never a formula, whatever it
 * starts with; a null value keeps its styled empty cell.
 */
import { TaizhangError } from '../../core/issues.js';
import type { Issue } from '../../core/model.js';
import type { CellSpec, RowSpec, SheetSpec, StreamedRows } from '../../core/workbook/spec.js';
import type { SharedStrings } from './shared-strings.js';
import type { StyleTable } from './styles.js';
import { columnLetter, parseRange } from '../../core/workbook/a1.js';
import { tElement } from './xml.js';

export interface SheetContext {
  styles: StyleTable;
  /** Null: strings are written inline (`t="inlineStr"`). */
  strings: SharedStrings | null;
  /** Told of each text of a streamed row cut to fit a cell (the spec's own rows are fitted before writing). */
  onIssue?: (issue: Issue) => void;
}

export interface Hyperlink {
  ref: string;
  target: string;
  display: string;
}

const fault = (detail: string): TaizhangError => new TaizhangError('FAULT_INTERNAL', { detail });

/** Rows in ascending order with ascending, unique columns, as the schema requires; the spec's own order is kept when it already is. */
export function orderedRows(rows: RowSpec[]): RowSpec[] {
  let sorted = true;
  for (let i = 0; i < rows.length && sorted; i++) {
    const cells = rows[i]!.cells;
    if (i > 0 && rows[i]!.row <= rows[i - 1]!.row) sorted = false;
    for (let c = 1; c < cells.length && sorted; c++) if (cells[c]!.col <= cells[c - 1]!.col) sorted = false;
  }
  if (sorted) return rows;
  // Same rule as setting cells one by one: a later cell or height for the same place wins.
  const byRow = new Map<number, { height?: number; cells: Map<number, CellSpec> }>();
  for (const row of rows) {
    const entry = byRow.get(row.row) ?? { cells: new Map<number, CellSpec>() };
    if (row.height !== undefined) entry.height = row.height;
    for (const cell of row.cells) entry.cells.set(cell.col, cell);
    byRow.set(row.row, entry);
  }
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, e]) => ({ row, ...(e.height !== undefined ? { height: e.height } : {}), cells: [...e.cells.values()].sort((a, b) => a.col - b.col) }));
}

/**
 * Every cell of a merged range takes the style of its top-left cell, with no
 * value (as Excel does): a merged header keeps its border and fill all along.
 * Only the rows a merge touches are rebuilt. `rows` as orderedRows returns
 * them (ascending, one per number): a row is found by binary search, so a
 * 30,000-row sheet with a merged title is not indexed whole.
 */
export function withMergedCells(rows: RowSpec[], merges: string[]): RowSpec[] {
  if (merges.length === 0) return rows;
  const added = new Map<number, number>();
  const indexOf = (r: number): number | undefined => {
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = rows[mid]!.row;
      if (at === r) return mid;
      if (at < r) lo = mid + 1;
      else hi = mid - 1;
    }
    return added.get(r);
  };
  const out = [...rows];
  for (const merge of merges) {
    const range = parseRange(merge);
    if (!range) throw fault(`merge ${merge} is not a range`);
    const master = out[indexOf(range.from.row) ?? -1]?.cells.find((c) => c.col === range.from.col);
    if (!master) continue;
    for (let r = range.from.row; r <= range.to.row; r++) {
      let index = indexOf(r);
      if (index === undefined) {
        index = out.length;
        out.push({ row: r, cells: [] });
        added.set(r, index);
      }
      const row = out[index]!;
      const cells = new Map(row.cells.map((c) => [c.col, c]));
      for (let c = range.from.col; c <= range.to.col; c++) {
        if (r !== range.from.row || c !== range.from.col) cells.set(c, { col: c, value: null, style: master.style });
      }
      out[index] = { ...row, cells: [...cells.values()].sort((a, b) => a.col - b.col) };
    }
  }
  return added.size > 0 ? out.sort((a, b) => a.row - b.row) : out;
}

/**
 * The used range (`A1:K6`), or `A1` for an empty sheet; rows as orderedRows/withMergedCells return them (cells ascending),
 * and the streamed rows after them (every one with cells 1..`columns`).
 */
export function dimension(rows: RowSpec[], streamed?: StreamedRows): string {
  let minCol = Infinity;
  let maxCol = 0;
  let minRow = Infinity;
  let maxRow = 0;
  for (const row of rows) {
    const cells = row.cells;
    if (cells.length === 0) continue;
    minRow = Math.min(minRow, row.row);
    maxRow = Math.max(maxRow, row.row);
    minCol = Math.min(minCol, cells[0]!.col);
    maxCol = Math.max(maxCol, cells[cells.length - 1]!.col);
  }
  if (streamed && streamed.count > 0 && streamed.columns > 0) {
    minRow = Math.min(minRow, streamed.first);
    maxRow = Math.max(maxRow, streamed.first + streamed.count - 1);
    minCol = 1;
    maxCol = Math.max(maxCol, streamed.columns);
  }
  if (maxRow === 0) return 'A1';
  const from = columnLetter(minCol) + minRow;
  const to = columnLetter(maxCol) + maxRow;
  return from === to ? from : `${from}:${to}`;
}

function checkRow(row: number): void {
  if (!Number.isInteger(row) || row < 1 || row > 1_048_576) throw fault(`row ${row} outside the sheet`);
}

function checkCol(col: number): void {
  if (!Number.isInteger(col) || col < 1 || col > 16_384) throw fault(`column ${col} outside the sheet`);
}

/**
 * Writes the rows; returns the hyperlinks met on the way (written later, after the validations).
 * A summary has half a million cells: each cell is one concatenation of
 * pieces worked out once per column (`<c r="AB`) and once per style (`" s="7"`).
 */
export function writeSheetData(sheet: SheetSpec, rows: Iterable<RowSpec>, ctx: SheetContext, write: (text: string) => void): Hyperlink[] {
  const links: Hyperlink[] = [];
  const { xf } = ctx.styles;
  const strings = ctx.strings;
  const cellHeads: string[] = [];
  const styleAttrs = new Map<string, string>();
  for (const row of rows) {
    const cells = row.cells;
    if (cells.length === 0 && row.height === undefined) continue;
    checkRow(row.row);
    const r = String(row.row);
    const height = row.height !== undefined && Number.isFinite(row.height) ? ` ht="${row.height}" customHeight="1"` : '';
    if (cells.length === 0) {
      write(`<row r="${r}"${height}/>`);
      continue;
    }
    let xml = `<row r="${r}"${height}>`;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      let head = cellHeads[cell.col];
      if (head === undefined) {
        checkCol(cell.col);
        head = cellHeads[cell.col] = '<c r="' + columnLetter(cell.col);
      }
      let s = styleAttrs.get(cell.style);
      if (s === undefined) {
        const index = xf.get(cell.style);
        if (index === undefined) throw fault(`unknown style ${cell.style} in ${sheet.name}!${columnLetter(cell.col)}${r}`);
        s = `" s="${index}"`;
        styleAttrs.set(cell.style, s);
      }
      const value = cell.value;
      if (value === null) {
        xml += head + r + s + '/>';
        continue;
      }
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw fault(`${sheet.name}!${columnLetter(cell.col)}${r} is not a finite number`);
        xml += head + r + s + '><v>' + value + '</v></c>';
      } else if (strings) {
        xml += head + r + s + ' t="s"><v>' + strings.add(value) + '</v></c>';
      } else {
        xml += head + r + s + ' t="inlineStr"><is>' + tElement(value) + '</is></c>';
      }
      if (cell.link) links.push({ ref: columnLetter(cell.col) + r, target: cell.link, display: String(value) });
    }
    write(xml + '</row>');
  }
  return links;
}
