/**
 * A1-style references within Excel's grid (16384 columns × 1048576 rows):
 * how the spec writes ranges and formulas, and how readers (the .xlsx reader,
 * the Excel add-in, the rules) parse the addresses they meet.
 */

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

const letterCache: string[] = [];

/** 1 → `A`, 27 → `AA`. */
export function columnLetter(col: number): string {
  const cached = letterCache[col];
  if (cached !== undefined) return cached;
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  if (col <= MAX_COL) letterCache[col] = letters;
  return letters;
}

export interface CellRef {
  row: number;
  col: number;
}

/** Parses `B7` or `$B$7`; undefined when malformed or outside the grid. */
export function parseCellRef(text: string): CellRef | undefined {
  let at = 0;
  let col = 0;
  if (text.charCodeAt(at) === 36) at++;
  const colStart = at;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at) & ~32; // upper-case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
    if (col > MAX_COL) return undefined;
  }
  if (at === colStart) return undefined;
  if (text.charCodeAt(at) === 36) at++;
  const digits = text.slice(at);
  if (!/^[0-9]{1,7}$/.test(digits)) return undefined;
  const row = Number(digits);
  if (row < 1 || row > MAX_ROW) return undefined;
  return { row, col };
}

/** Parses `A1:C3` (or a single cell) and returns it normalised, top-left first; undefined when malformed. */
export function parseRange(text: string): { from: CellRef; to: CellRef } | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 2) return undefined;
  const a = parseCellRef(parts[0]!);
  const b = parts.length === 2 ? parseCellRef(parts[1]!) : a;
  if (!a || !b) return undefined;
  return {
    from: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    to: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

export function formatRange(from: CellRef, to: CellRef): string {
  const a = columnLetter(from.col) + from.row;
  return from.row === to.row && from.col === to.col ? a : `${a}:${columnLetter(to.col)}${to.row}`;
}

export function cellRef(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rangeRef(fromCol: number, fromRow: number, toCol: number, toRow: number): string {
  return `${cellRef(fromCol, fromRow)}:${cellRef(toCol, toRow)}`;
}
