/**
 * A workbook sent as the plan (a 任务分解表 in .xlsx): its visible sheets as
 * plain tables for the plan mapping. Dates become the text a clerk writes
 * (`2025年6月30日`), numbers their plain digits; merged ranges are passed on.
 */
import { parseRange } from '../core/workbook/a1.js';
import type { Issue } from '../core/model.js';
import type { CellRange, TableInput } from '../core/plan/table/grid.js';
import { MAX_COLS, MAX_ROWS } from '../core/plan/table/grid.js';
import type { CellSnapshot, SheetSnapshot } from '../core/workbook/snapshot.js';
import { readWorkbook } from './read/index.js';

function cellText(cell: CellSnapshot): string {
  if (cell.isDate && cell.iso) {
    const [y, m, d] = cell.iso.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  if (cell.type === 'string' || cell.type === 'number') return String(cell.value);
  return '';
}

function sheetTable(sheet: SheetSnapshot): TableInput {
  const rows: string[][] = [];
  const rowCount = Math.min(sheet.maxRow, MAX_ROWS);
  const colCount = Math.min(sheet.maxCol, MAX_COLS);
  for (let r = 0; r < rowCount; r++) rows.push(new Array<string>(colCount).fill(''));
  for (const cell of sheet.cells) {
    if (cell.row <= rowCount && cell.col <= colCount) rows[cell.row - 1]![cell.col - 1] = cellText(cell);
  }
  const merges: CellRange[] = [];
  for (const ref of sheet.merges) {
    const range = parseRange(ref);
    if (range) merges.push({ top: range.from.row - 1, left: range.from.col - 1, bottom: range.to.row - 1, right: range.to.col - 1 });
  }
  return { name: sheet.name, rows, merges, firstRow: 1, sheet: true };
}

/** The visible sheets as tables, or the reader's refusal (a damaged or encrypted file). */
export function workbookTables(bytes: Uint8Array, fileName: string): { tables: TableInput[] } | { issue: Issue } {
  const read = readWorkbook(bytes, { fileName });
  if (!read.ok) return { issue: read.issue };
  return { tables: read.workbook.sheets.filter((s) => s.state === 'visible' && s.cells.length > 0).map(sheetTable) };
}
