/**
 * Excel's limit on the text of one cell: 32,767 characters. A longer text
 * makes Excel report the file as damaged and drop the content ("We found a
 * problem with some content"), so no writer of ours ever writes one: a text
 * past the limit keeps its beginning and says it was cut, and the cut is
 * reported as a warning naming the cell.
 */
import { issue } from '../issues.js';
import type { Issue } from '../model.js';
import { columnLetter } from './a1.js';
import type { RowSpec, SheetSpec, WorkbookSpec } from './spec.js';

export const EXCEL_CELL_CHARS = 32_767;
/** Ends a cut text, inside the limit, so a reader of the cell sees that it goes on elsewhere. */
export const CUT_MARK = '……（超出 Excel 单元格字数上限，以下从略）';

/** `text` as it fits in one cell: itself when short enough, else its beginning and CUT_MARK, 32,767 characters in all. */
export function fitText(text: string): string {
  if (text.length <= EXCEL_CELL_CHARS) return text;
  let keep = EXCEL_CELL_CHARS - CUT_MARK.length;
  // Never split a surrogate pair: half a character is no character.
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return text.slice(0, keep) + CUT_MARK;
}

/** The warning for a text cut to fit; `where` says whose cell it was. */
export function textCutIssue(code: 'WORKBOOK_TEXT_CUT' | 'LEDGER_TEXT_CUT', where: Issue['where'], length: number): Issue {
  return issue(code, 'warning', where, { ...(where.sheet ? { sheet: where.sheet } : {}), ...(where.cell ? { cell: where.cell } : {}), length, limit: EXCEL_CELL_CHARS });
}

/**
 * The spec with every text fitted to a cell, and a warning per cut text. Sheets and rows without a long
 * text are the spec's own objects (one pass over the cells, nothing copied), so this is cheap to run
 * before every write.
 */
export function fitSpecTexts(spec: WorkbookSpec): { spec: WorkbookSpec; issues: Issue[] } {
  const issues: Issue[] = [];
  let changed = false;
  const sheets = spec.sheets.map((sheet) => {
    const rows = fitRows(sheet, issues);
    if (rows === sheet.rows) return sheet;
    changed = true;
    return { ...sheet, rows };
  });
  return { spec: changed ? { ...spec, sheets } : spec, issues };
}

function fitRows(sheet: SheetSpec, issues: Issue[]): RowSpec[] {
  let rows: RowSpec[] | undefined;
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i]!;
    const fitted = fitRow(sheet.name, row, issues);
    if (fitted === row) continue;
    rows ??= sheet.rows.slice();
    rows[i] = fitted;
  }
  return rows ?? sheet.rows;
}

/** One row with its texts fitted (the row itself when none is too long); a warning per cut joins `issues`. */
export function fitRow(sheetName: string, row: RowSpec, issues: Issue[]): RowSpec {
  let cells: RowSpec['cells'] | undefined;
  for (let c = 0; c < row.cells.length; c++) {
    const cell = row.cells[c]!;
    if (typeof cell.value !== 'string' || cell.value.length <= EXCEL_CELL_CHARS) continue;
    cells ??= row.cells.slice();
    cells[c] = { ...cell, value: fitText(cell.value) };
    issues.push(textCutIssue('WORKBOOK_TEXT_CUT', { sheet: sheetName, cell: columnLetter(cell.col) + row.row }, cell.value.length));
  }
  return cells ? { ...row, cells } : row;
}
