/**
 * A SheetSpec as full 2-D arrays (values with text protection, number
 * formats) and as rectangles of one style: what both host adapters (Office
 * range APIs, WPS's object model) write in whole ranges, never cell by cell.
 */
import { appendAll } from '../arrays.js';
import type { CellSpec, SheetSpec, StyleSpec } from './spec.js';
import { protectText } from './text-cells.js';

export const GENERAL = 'General';
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
