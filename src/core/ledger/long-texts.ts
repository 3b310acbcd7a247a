/**
 * A school's cell with more text than Excel holds in one cell (32,767
 * characters) cannot go into the summary as it is: each such cell of the
 * ledger is cut to fit once, here, with a warning naming the school's cell, so
 * the checks, the summary's 明细 and every list see the same text and the
 * clerk learns which cell was cut.
 */
import type { Issue } from '../model.js';
import { EXCEL_CELL_CHARS, fitText, textCutIssue } from '../workbook/text-limit.js';
import type { Ledger, LedgerCell } from './ledger-types.js';

/** Cuts the ledger's long texts in place; returns one warning per cell cut (a merged value shared by many rows, once). */
export function fitLedgerTexts(ledger: Ledger, file: string): Issue[] {
  const issues: Issue[] = [];
  const fitted = new Map<LedgerCell, LedgerCell>();
  const fit = (cell: LedgerCell): LedgerCell => {
    let out = fitted.get(cell);
    if (!out) {
      const value = typeof cell.value === 'string' ? fitText(cell.value) : cell.value;
      out = { ...cell, value, text: fitText(cell.text) };
      fitted.set(cell, out);
      const length = Math.max(cell.text.length, typeof cell.value === 'string' ? cell.value.length : 0);
      issues.push(textCutIssue('LEDGER_TEXT_CUT', { file, sheet: cell.sheet, cell: cell.address }, length));
    }
    return out;
  };
  const tooLong = (cell: LedgerCell | undefined): cell is LedgerCell =>
    cell !== undefined && (cell.text.length > EXCEL_CELL_CHARS || (typeof cell.value === 'string' && cell.value.length > EXCEL_CELL_CHARS));
  // for…in rather than Object.keys: no array per row, and rows are many.
  const fitCells = <K extends string>(cells: Partial<Record<K, LedgerCell>>): void => {
    for (const key in cells) {
      const cell = cells[key];
      if (tooLong(cell)) cells[key] = fit(cell);
    }
  };
  for (const row of ledger.rows) fitCells(row.cells);
  fitCells(ledger.info);
  return issues;
}
