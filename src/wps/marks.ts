/**
 * Problem cells in WPS 表格: mark (fill and a comment), clear (put back the
 * old fill exactly, remove our comments), select. What a mark replaced is
 * kept in the same very hidden sheet and row format as in Excel
 * (core/workbook/marks-store.ts), so marks made in one host clear in the
 * other. The store is written before any cell is coloured, so a failure half
 * way never leaves a mark the store does not list. A protected sheet is
 * unprotected for the marks and protected again with the same options; one
 * with a password is left alone and named in a note.
 */
import { issue, messageFor } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import { hadNoFill, MARK_COLOR, MARKS_SHEET_NAME, recordKey, recordsToRows, rowsToRecords, type MarkRecord } from '../core/workbook/marks-store.js';
import { bgr, rgbHex, XL, type EtApplication, type EtWorkbook, type EtWorksheet } from './et-types.js';
import { asGrid } from './read-workbook.js';
import { toWpsFailure, wpsFailure, type WpsFailure } from './wps-errors.js';
import { openWorkbook, quietly, sheetNamesOf } from './write-spec.js';

/** Starts every comment we add, so ours are told from the user's (the same words as in Excel). */
export const COMMENT_PREFIX = '台账校验：';

export type WpsMarkResult = { ok: true; marked: number; restored: number; notes: Issue[] } | { ok: false; error: WpsFailure };

function findSheet(workbook: EtWorkbook, name: string): EtWorksheet | undefined {
  for (let i = 1; i <= workbook.Worksheets.Count; i++) {
    const sheet = workbook.Worksheets.Item(i);
    if (sheet.Name === name) return sheet;
  }
  return undefined;
}

function readStore(workbook: EtWorkbook): MarkRecord[] {
  const store = findSheet(workbook, MARKS_SHEET_NAME);
  return store ? rowsToRecords(asGrid(store.UsedRange.Value2)) : [];
}

function writeStore(workbook: EtWorkbook, records: readonly MarkRecord[]): void {
  let store = findSheet(workbook, MARKS_SHEET_NAME);
  if (records.length === 0) {
    if (store) {
      store.Visible = XL.sheetVisible; // a very hidden sheet cannot be deleted
      store.Delete();
    }
    return;
  }
  if (!store) {
    store = workbook.Worksheets.Add(null, workbook.Worksheets.Item(workbook.Worksheets.Count));
    store.Name = MARKS_SHEET_NAME;
    store.Visible = XL.sheetVeryHidden;
  }
  const rows = recordsToRows(records);
  store.UsedRange.Value2 = '';
  store.Range(`A1:F${rows.length}`).Value2 = rows;
}

/**
 * Runs `edit` on each sheet with its protection lifted (and put back with the
 * options it had). A sheet ET will not unprotect without a password is skipped with a note.
 */
function onSheets(workbook: EtWorkbook, sheets: readonly string[], notes: Issue[], edit: (sheet: EtWorksheet) => void): Set<string> {
  const skipped = new Set<string>();
  for (const name of sheets) {
    const sheet = findSheet(workbook, name);
    if (!sheet) continue;
    if (!sheet.ProtectContents) {
      edit(sheet);
      continue;
    }
    const p = sheet.Protection;
    const selection = sheet.EnableSelection;
    try {
      sheet.Unprotect('');
    } catch {
      skipped.add(name);
      if (!notes.some((n) => n.code === 'WPS_SHEET_PASSWORD' && n.where.sheet === name)) notes.push(issue('WPS_SHEET_PASSWORD', 'warning', { sheet: name }, { sheet: name }));
      continue;
    }
    try {
      edit(sheet);
    } finally {
      sheet.Protect('', true, true, true, false, p.AllowFormattingCells, p.AllowFormattingColumns, p.AllowFormattingRows, false, false, false, false, false, p.AllowSorting, p.AllowFiltering);
      sheet.EnableSelection = selection;
    }
  }
  return skipped;
}

function restore(sheet: EtWorksheet, record: MarkRecord): void {
  const cell = sheet.Range(record.cell);
  if (hadNoFill(record)) cell.Interior.Pattern = XL.patternNone;
  else cell.Interior.Color = bgr(record.color.replace('#', ''));
  const comment = cell.Comment;
  if (record.comment && comment && comment.Text().startsWith(COMMENT_PREFIX)) comment.Delete();
}

const sheetsOf = (records: readonly { sheet: string }[]) => [...new Set(records.map((r) => r.sheet))];

/** Marks each issue's cell; earlier marks are put back first, so a re-check never stacks colours. */
export function markProblemsInWps(issues: readonly Issue[], app: EtApplication): WpsMarkResult {
  const open = openWorkbook(app, true);
  if (!open.ok) return open;
  const workbook = open.workbook;
  return quietly(app, (): WpsMarkResult => {
    try {
      const notes: Issue[] = [];
      const names = sheetNamesOf(workbook);
      const targets = new Map<string, { sheet: string; cell: string; texts: string[] }>();
      for (const item of issues) {
        const { sheet, cell } = item.where;
        if (!sheet || !cell || !names.includes(sheet) || sheet === MARKS_SHEET_NAME) continue;
        const target = targets.get(`${sheet}!${cell}`) ?? { sheet, cell, texts: [] };
        target.texts.push(messageFor(item.code, item.params));
        targets.set(`${sheet}!${cell}`, target);
      }
      // Old marks first, while the store still lists them: the fills read next are then the cells' own.
      const old = readStore(workbook);
      const kept = onSheets(workbook, sheetsOf(old), notes, (sheet) => old.filter((r) => r.sheet === sheet.Name).forEach((r) => restore(sheet, r)));
      const fresh: MarkRecord[] = [...targets.values()].map((t) => {
        const cell = findSheet(workbook, t.sheet)!.Range(t.cell);
        const none = cell.Interior.Pattern === XL.patternNone;
        // A cell with someone else's comment keeps it, and gets no comment of ours.
        return { sheet: t.sheet, cell: t.cell, color: rgbHex(cell.Interior.Color), pattern: none ? 'None' : 'Solid', comment: cell.Comment === null, protection: '' };
      });
      // Before any colour: a failure from here on leaves the store listing every cell it may have touched.
      const stillMarked = old.filter((r) => kept.has(r.sheet));
      writeStore(workbook, [...stillMarked, ...fresh.filter((r) => !kept.has(r.sheet))]);
      let marked = 0;
      const skipped = onSheets(workbook, sheetsOf(fresh), notes, (sheet) => {
        for (const record of fresh.filter((r) => r.sheet === sheet.Name)) {
          const cell = sheet.Range(record.cell);
          cell.Interior.Color = bgr(MARK_COLOR.replace('#', ''));
          if (record.comment) cell.AddComment(`${COMMENT_PREFIX}${targets.get(recordKey(record))!.texts.join('\n')}`);
          marked++;
        }
      });
      writeStore(workbook, [...stillMarked, ...fresh.filter((r) => !skipped.has(r.sheet) && !kept.has(r.sheet))]);
      return { ok: true, marked, restored: old.length, notes };
    } catch (error) {
      return { ok: false, error: toWpsFailure(error) };
    }
  });
}

/** Puts back every marked cell's fill, removes our comments that are still there, and the store. */
export function clearMarksInWps(app: EtApplication): WpsMarkResult {
  const open = openWorkbook(app, false);
  if (!open.ok) return open;
  const workbook = open.workbook;
  if (!findSheet(workbook, MARKS_SHEET_NAME)) return { ok: true, marked: 0, restored: 0, notes: [] };
  if (workbook.ProtectStructure) return { ok: false, error: wpsFailure('WPS_WORKBOOK_PROTECTED') };
  return quietly(app, (): WpsMarkResult => {
    try {
      const notes: Issue[] = [];
      const old = readStore(workbook);
      onSheets(workbook, sheetsOf(old), notes, (sheet) => old.filter((r) => r.sheet === sheet.Name).forEach((r) => restore(sheet, r)));
      writeStore(workbook, []);
      return { ok: true, marked: 0, restored: old.length, notes };
    } catch (error) {
      return { ok: false, error: toWpsFailure(error) };
    }
  });
}

/** Shows a problem: activates its sheet and selects its cell. */
export function selectCellInWps(sheetName: string, address: string, app: EtApplication): { ok: true } | { ok: false; error: WpsFailure } {
  const open = openWorkbook(app, false);
  if (!open.ok) return open;
  const sheet = findSheet(open.workbook, sheetName);
  if (!sheet) return { ok: false, error: wpsFailure('OFFICE_SHEET_MISSING', { sheet: sheetName }) };
  try {
    if (sheet.Visible !== XL.sheetVisible) sheet.Visible = XL.sheetVisible;
    sheet.Activate();
    sheet.Range(address).Select();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toWpsFailure(error) };
  }
}
