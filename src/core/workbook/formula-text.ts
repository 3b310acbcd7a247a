/**
 * Text that a spreadsheet would take for a formula: typed into a cell,
 * pasted, or opened as CSV (CSV injection). One list for the validator's
 * check, the CSV writer and the Office adapter. Tab and CR count too: they
 * start a formula in CSV, and they are trimmed from what the clerk sees, so
 * they are looked for on the raw text.
 */
export const FORMULA_PREFIXES: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

export function startsLikeFormula(text: string, prefixes: readonly string[] = FORMULA_PREFIXES): boolean {
  return prefixes.some((prefix) => text.startsWith(prefix));
}
