/**
 * Fast readings of the two values every cell carries, for the common way they
 * are written; anything else falls back on the general readings, with the same results.
 */
import { MAX_COL, MAX_ROW } from '../../core/workbook/a1.js';

/**
 * `r="B7"` as Excel writes it (capital letters, then digits without a leading zero):
 * row and column read in one pass, and the text itself is the cell's address. Anything
 * else (`$`, lower case, `B07`, out of the grid) returns false and goes through parseCellRef.
 */
export function plainCellRef(text: string, into: { row: number; col: number }): boolean {
  let at = 0;
  let col = 0;
  let code = text.charCodeAt(0);
  for (; code >= 65 && code <= 90 && at < 3; code = text.charCodeAt(++at)) col = col * 26 + (code - 64);
  if (at === 0 || col > MAX_COL || !(code >= 49 && code <= 57)) return false; // NaN past the end fails too
  const digitsFrom = at;
  let row = 0;
  for (; code >= 48 && code <= 57; code = text.charCodeAt(++at)) row = row * 10 + (code - 48);
  if (at !== text.length || at - digitsFrom > 7 || row > MAX_ROW) return false;
  into.row = row;
  into.col = col;
  return true;
}

/** `<v>12</v>` of a shared-string cell: plain digits read directly, anything else as Number() reads it. */
export function stringIndex(v: string): number {
  if (v.length > 9) return Number(v);
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code < 48 || code > 57) return Number(v);
    n = n * 10 + (code - 48);
  }
  return n;
}

const from = { row: 0, col: 0 };
const to = { row: 0, col: 0 };

/**
 * A merge `ref="A1:C3"` as Excel writes it (plain references, top-left first) is already
 * what parseRange + formatRange would make of it; `A1:A1` becomes `A1`, as formatRange
 * writes it. Anything else returns undefined and goes the general way.
 */
export function plainRange(ref: string): string | undefined {
  const colon = ref.indexOf(':');
  if (colon < 0) return plainCellRef(ref, from) ? ref : undefined;
  const first = ref.slice(0, colon);
  if (!plainCellRef(first, from) || !plainCellRef(ref.slice(colon + 1), to)) return undefined;
  if (from.row > to.row || from.col > to.col) return undefined;
  return from.row === to.row && from.col === to.col ? first : ref;
}
