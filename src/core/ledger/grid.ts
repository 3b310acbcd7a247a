/** Row-and-column access over a sparse sheet snapshot. */
import type { CellSnapshot, SheetSnapshot } from '../workbook-snapshot.js';

export type Grid = Map<number, Map<number, CellSnapshot>>;

/** Several steps (metadata, info labels, header search) look at the same sheet: build its grid once. */
const grids = new WeakMap<SheetSnapshot, Grid>();

export function gridOf(sheet: SheetSnapshot): Grid {
  const known = grids.get(sheet);
  if (known) return known;
  const grid = buildGrid(sheet);
  grids.set(sheet, grid);
  return grid;
}

function buildGrid(sheet: SheetSnapshot): Grid {
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
