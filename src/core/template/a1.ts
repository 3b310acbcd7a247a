/** A1-style references, as the spec writes ranges and formulas. */

/** Column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function cellRef(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rangeRef(fromCol: number, fromRow: number, toCol: number, toRow: number): string {
  return `${cellRef(fromCol, fromRow)}:${cellRef(toCol, toRow)}`;
}
