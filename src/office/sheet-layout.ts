/**
 * SheetSpec → WriteOps. Whole 2-D arrays per range (number formats before
 * values, so text cells are text before their value arrives), formats per
 * rectangular block of one style, row heights per run of equal rows. Nothing
 * here is per cell, so the op count does not grow with rows, only the arrays.
 */
import { appendAll } from '../core/arrays.js';
import { columnLetter, rangeRef } from '../core/workbook/a1.js';
import type { SheetSpec, StyleSpec } from '../core/workbook/spec.js';
import { GENERAL, sheetGrid, styleBlocks, widthToPoints, type Grid } from '../core/workbook/sheet-grid.js';
import { jsonBytes, type WriteOp } from './write-ops.js';

export { sheetGrid, styleBlocks, widthToPoints, type Grid } from '../core/workbook/sheet-grid.js';

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
