/** Row-and-column access over a sparse sheet snapshot. */
import type { CellSnapshot, SheetSnapshot } from '../workbook-snapshot.js';

export type Grid = Map<number, Map<number, CellSnapshot>>;

export function gridOf(sheet: SheetSnapshot): Grid {
  const grid: Grid = new Map();
  for (const cell of sheet.cells) {
    let row = grid.get(cell.row);
    if (!row) grid.set(cell.row, (row = new Map()));
    row.set(cell.col, cell);
  }
  return grid;
}

/** Rows in ascending order (cells are sorted by the reader, but a Map keeps insertion order only). */
export function sortedRows(grid: Grid): number[] {
  return [...grid.keys()].sort((a, b) => a - b);
}
