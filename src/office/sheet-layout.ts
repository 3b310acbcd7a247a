/**
 * SheetSpec → WriteOps. Whole 2-D arrays per range (number formats before
 * values, so text cells are text before their value arrives), formats per
 * rectangular block of one style, row heights per run of equal rows. Nothing
 * here is per cell, so the op count does not grow with rows, only the arrays.
 */
import { appendAll } from '../core/arrays.js';
import { columnLetter, rangeRef } from '../core/workbook/a1.js';
import type { CellSpec, SheetSpec, StyleSpec } from '../core/workbook/spec.js';
import { protectText } from './text-cells.js';
import { jsonBytes, type WriteOp } from './write-ops.js';

const GENERAL = 'General';
/** Excel character units → points (7 px per character at the default font, plus padding; 0.75 pt per px). */
export function widthToPoints(width: number): number {
  return Math.round((width * 7 + 5) * 0.75 * 100) / 100;
}

interface Block {
  top: number;
  bottom: number;
  left: number;
  right: number;
  style: string;
}

/** Rectangles of one style: horizontal runs per row, stacked while the next row has the same run. */
export function styleBlocks(sheet: SheetSpec): Block[] {
  const done: Block[] = [];
  let open = new Map<string, Block>();
  for (const row of [...sheet.rows].sort((a, b) => a.row - b.row)) {
    const runs: Block[] = [];
    for (const cell of [...row.cells].sort((a, b) => a.col - b.col)) {
      const last = runs[runs.length - 1];
      if (last && last.style === cell.style && last.right === cell.col - 1) last.right = cell.col;
      else runs.push({ top: row.row, bottom: row.row, left: cell.col, right: cell.col, style: cell.style });
    }
    const next = new Map<string, Block>();
    for (const run of runs) {
      const key = `${run.left}:${run.right}:${run.style}`;
      const prev = open.get(key);
      if (prev && prev.bottom === row.row - 1) {
        prev.bottom = row.row;
        next.set(key, prev);
        open.delete(key);
      } else next.set(key, run);
    }
    appendAll(done, open.values());
    open = next;
  }
  appendAll(done, open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

export interface Grid {
  rows: number;
  cols: number;
  values: (string | number)[][];
  formats: string[][];
}

/** The sheet's cells as full arrays from A1, with text protection applied. */
export function sheetGrid(sheet: SheetSpec, styles: Record<string, StyleSpec>): Grid {
  // Loops, not Math.max(...spread): a 30,000-row summary has more cells than a call's argument limit.
  let rows = 0;
  let cols = sheet.columns.length;
  for (const row of sheet.rows) {
    rows = Math.max(rows, row.row);
    for (const cell of row.cells) cols = Math.max(cols, cell.col);
  }
  const values = Array.from({ length: rows }, () => Array<string | number>(cols).fill(''));
  const formats = Array.from({ length: rows }, () => Array<string>(cols).fill(GENERAL));
  for (const row of sheet.rows) {
    for (const cell of row.cells) {
      const numFmt = styles[cell.style]?.numFmt;
      if (numFmt) formats[row.row - 1]![cell.col - 1] = numFmt;
      writeCell(values, formats, row.row - 1, cell);
    }
  }
  return { rows, cols, values, formats };
}

function writeCell(values: (string | number)[][], formats: string[][], r: number, cell: CellSpec): void {
  if (cell.value === null) return;
  if (typeof cell.value === 'number') {
    values[r]![cell.col - 1] = cell.value;
    return;
  }
  const written = protectText(cell.value);
  values[r]![cell.col - 1] = written.value;
  if (written.numberFormat) formats[r]![cell.col - 1] = written.numberFormat;
}

/**
 * Splits rows 1..n into slices whose values and formats stay under
 * `maxBytes` each (a single row larger than that still forms one slice).
 */
export function rowSlices(grid: Grid, maxBytes: number, rowBytes: (r: number) => number): { from: number; to: number }[] {
  const slices: { from: number; to: number }[] = [];
  let from = 0;
  let size = 0;
  for (let r = 0; r < grid.rows; r++) {
    const bytes = rowBytes(r);
    if (r > from && size + bytes > maxBytes) {
      slices.push({ from, to: r - 1 });
      from = r;
      size = 0;
    }
    size += bytes;
  }
  if (grid.rows > 0) slices.push({ from, to: grid.rows - 1 });
  return slices;
}

/** Cell ops of one sheet: number formats and values per row slice, then formats, sizes, merges, links. */
export function cellOps(sheet: SheetSpec, target: string, styles: Record<string, StyleSpec>, sliceBytes: number): WriteOp[] {
  const grid = sheetGrid(sheet, styles);
  const ops: WriteOp[] = [];
  if (grid.rows > 0 && grid.cols > 0) {
    const rowBytes = (r: number) => jsonBytes(grid.values[r]) + jsonBytes(grid.formats[r]);
    for (const { from, to } of rowSlices(grid, sliceBytes, rowBytes)) {
      const address = rangeRef(1, from + 1, grid.cols, to + 1);
      const formats = grid.formats.slice(from, to + 1);
      if (formats.some((row) => row.some((f) => f !== GENERAL))) ops.push({ sheet: target, kind: 'numberFormat', address, formats });
      ops.push({ sheet: target, kind: 'values', address, values: grid.values.slice(from, to + 1) });
    }
  }
  for (const block of styleBlocks(sheet)) {
    const style = styles[block.style];
    if (!style) continue;
    const address = rangeRef(block.left, block.top, block.right, block.bottom);
    ops.push({ sheet: target, kind: 'style', address, style });
    if (!style.locked) ops.push({ sheet: target, kind: 'unlock', address, feature: 'cellLocking' });
  }
  sheet.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    ops.push({ sheet: target, kind: 'columnWidth', address: `${letter}:${letter}`, points: widthToPoints(column.width), hidden: column.hidden, feature: 'columnWidths' });
  });
  appendAll(ops, rowHeightOps(sheet, target));
  for (const merge of sheet.merges) ops.push({ sheet: target, kind: 'merge', address: merge, feature: 'merges' });
  for (const row of sheet.rows) {
    for (const cell of row.cells) {
      if (!cell.link) continue;
      const address = `${columnLetter(cell.col)}${row.row}`;
      ops.push({ sheet: target, kind: 'link', address, target: cell.link, text: cell.value === null ? '' : String(cell.value), feature: 'hyperlinks' });
    }
  }
  return ops;
}

function rowHeightOps(sheet: SheetSpec, target: string): WriteOp[] {
  const ops: WriteOp[] = [];
  let run: { from: number; to: number; height: number } | undefined;
  const flush = () => {
    if (run) ops.push({ sheet: target, kind: 'rowHeight', address: `${run.from}:${run.to}`, points: run.height, feature: 'columnWidths' });
  };
  for (const row of [...sheet.rows].sort((a, b) => a.row - b.row)) {
    if (row.height === undefined) continue;
    if (run && run.height === row.height && run.to === row.row - 1) run.to = row.row;
    else {
      flush();
      run = { from: row.row, to: row.row, height: row.height };
    }
  }
  flush();
  return ops;
}
