/**
 * The annotated copy a clerk gets back from 校验: the school's own workbook
 * with every problem cell coloured and commented, and a 校验结果 sheet in front
 * listing every problem with a link to its cell. The input bytes are not
 * changed; a new file is returned.
 *
 * exceljs expands merges and validation ranges cell by cell when it loads a
 * workbook, so a file with whole-column ranges would hang it or exhaust memory.
 * Our own reader has already measured those ranges: above a safe area the copy
 * carries only the 校验结果 sheet, and says so (`marked: false`).
 */
import ExcelJS from 'exceljs';
import { messageFor, SEVERITY_ZH } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import { VALIDATION_SHEET_NAME, validationSheet } from '../core/report/validation-sheet.js';
import { STYLES } from '../core/template/styles.js';
import type { WorkbookSnapshot } from '../core/workbook/snapshot.js';
import { parseRange } from '../core/workbook/a1.js';
import { excelStyles, renderSheet } from './annotate-sheet.js';

/** Cells covered by merges and validations, summed over the workbook, that exceljs loads in well under a second. */
const SAFE_EXPANDED_CELLS = 200_000;

const MARK_FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' } as const;

export interface AnnotateInput {
  file: string;
  /** The day the check judged deadlines by (its as-of date), named in the 校验结果 title so the copy says which day it speaks for. */
  checkedAt: string;
  workbook: WorkbookSnapshot;
  issues: Issue[];
}

export interface Annotated {
  bytes: Uint8Array;
  /** False when the school's sheets could not be loaded safely and only the 校验结果 sheet was written. */
  marked: boolean;
}

function rangeArea(ref: string): number {
  return ref
    .split(/\s+/)
    .filter(Boolean)
    .reduce((sum, part) => {
      const range = parseRange(part.includes(':') ? part : `${part}:${part}`);
      return sum + (range ? (range.to.row - range.from.row + 1) * (range.to.col - range.from.col + 1) : 0);
    }, 0);
}

export function expandedCellCount(workbook: WorkbookSnapshot): number {
  return workbook.sheets.reduce(
    (sum, sheet) =>
      sum + sheet.merges.reduce((s, m) => s + rangeArea(m), 0) + sheet.dataValidations.reduce((s, v) => s + rangeArea(v.sqref), 0),
    0,
  );
}

function addReportSheet(workbook: ExcelJS.Workbook, input: AnnotateInput): void {
  const previous = workbook.getWorksheet(VALIDATION_SHEET_NAME);
  if (previous) workbook.removeWorksheet(previous.id); // re-checking an annotated copy replaces the old result
  const sheet = renderSheet(workbook, validationSheet(input.issues, input.file, input.checkedAt), excelStyles(STYLES));
  // Put the result first, where the clerk looks when the file opens.
  // exceljs orders sheets by `orderNo`, which its type declarations leave out.
  const others = workbook.worksheets.filter((ws) => ws !== sheet);
  [sheet, ...others].forEach((ws, i) => void ((ws as unknown as { orderNo: number }).orderNo = i));
  workbook.views = [{ activeTab: 0, firstSheet: 0, visibility: 'visible' } as ExcelJS.WorkbookView];
}

function markCells(workbook: ExcelJS.Workbook, issues: Issue[]): void {
  const byCell = new Map<string, Issue[]>();
  for (const item of issues) {
    const { sheet, cell } = item.where;
    if (!sheet || !cell) continue;
    const key = `${sheet}\u0000${cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), item]);
  }
  for (const [key, items] of byCell) {
    const [sheetName, address] = key.split('\u0000') as [string, string];
    const ws = workbook.getWorksheet(sheetName);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const worst = items.some((i) => i.severity === 'error') ? 'error' : items.some((i) => i.severity === 'warning') ? 'warning' : 'info';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL[worst] } };
    cell.note = items.map((i) => `【${SEVERITY_ZH[i.severity]}】${messageFor(i.code, i.params)}`).join('\n');
  }
}

export async function annotateWorkbook(original: Uint8Array, input: AnnotateInput): Promise<Annotated> {
  const workbook = new ExcelJS.Workbook();
  let marked = false;
  if (expandedCellCount(input.workbook) <= SAFE_EXPANDED_CELLS) {
    await workbook.xlsx.load(original.slice().buffer as ArrayBuffer);
    markCells(workbook, input.issues);
    marked = true;
  }
  addReportSheet(workbook, input);
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), marked };
}
