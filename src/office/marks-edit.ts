/**
 * The one request that changes cells, for marking and for clearing alike.
 * Excel runs a request in order and stops at the first failure, keeping
 * what ran before it, so the order is chosen for that: the store is written
 * first (a locked workbook structure, or any refusal to add the sheet, stops
 * the request before a cell is touched), protection is lifted next (a
 * password stops it there), and only then are fills and comments changed.
 * Whatever prefix runs, the store lists every cell changed, so 清除标记 can
 * always undo it.
 */
/// <reference types="office-js" />
import { issue } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import type { Capabilities } from './capabilities.js';
import { hadNoFill, MARK_COLOR, MARKS_SHEET_NAME, recordKey, recordsToRows, type MarkRecord } from './marks-store.js';
import type { Stored, WorkbookState } from './marks-read.js';

export interface NewMark {
  record: MarkRecord;
  /** The cell's fill proxy, loaded in an earlier request. */
  fill: Excel.RangeFill;
  /** The comment text, when `record.comment`. */
  comment: string;
}

export interface Edit {
  /** Records to undo (their sheet must still exist). */
  restore: readonly MarkRecord[];
  marks: readonly NewMark[];
  /** What the store must hold if the request stops half way; undefined: leave the store as it is. */
  storeFirst?: readonly MarkRecord[];
  /** What the store holds afterwards; empty: delete it. */
  storeFinal: readonly MarkRecord[];
}

export const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;

function writeStore(context: Excel.RequestContext, records: readonly MarkRecord[], exists: boolean, caps: Capabilities, notes: Issue[]): void {
  const rows = recordsToRows(records);
  const sheets = context.workbook.worksheets;
  const store = exists ? sheets.getItem(MARKS_SHEET_NAME) : sheets.add(MARKS_SHEET_NAME);
  if (exists) store.getRange('A:F').clear();
  const range = store.getRange(`A1:${String.fromCharCode(64 + rows[0]!.length)}${rows.length}`);
  range.numberFormat = rows.map((row) => row.map(() => '@'));
  range.values = rows;
  if (exists) return;
  // Setting visibility is ExcelApi 1.2: Excel 2016 shows the store, and the user is told what it is.
  if (caps.has('sheetVisibility')) store.visibility = 'VeryHidden';
  else notes.push(issue('OFFICE_MARKS_STORE_VISIBLE', 'info', { sheet: MARKS_SHEET_NAME }, { sheet: MARKS_SHEET_NAME }));
}

/** Protection options to give back: as loaded, without `selectionMode` where Excel (before 1.7) would refuse it. */
function optionsFor(options: Excel.WorksheetProtectionOptions, caps: Capabilities): Excel.WorksheetProtectionOptions {
  const { selectionMode, ...rest } = options;
  return caps.has('protectionSelection') && selectionMode !== undefined ? { ...rest, selectionMode } : rest;
}

/** Queues the edit (no sync); returns the notes for the pane. */
export function queueEdit(context: Excel.RequestContext, caps: Capabilities, state: WorkbookState, stored: Stored, edit: Edit): Issue[] {
  const notes: Issue[] = [];
  const workbook = context.workbook;
  const present = new Set(state.names);
  const restore = edit.restore.filter((r) => present.has(r.sheet));
  let storeExists = state.hasStore;
  if (edit.storeFirst && edit.storeFirst.length > 0) {
    writeStore(context, edit.storeFirst, storeExists, caps, notes);
    storeExists = true;
  }
  const touched = [...new Set([...restore.map((r) => r.sheet), ...edit.marks.map((m) => m.record.sheet)])];
  const lifted = caps.has('protection') ? touched.filter((name) => state.protectedNow.has(name)) : [];
  for (const name of lifted) workbook.worksheets.getItem(name).protection.unprotect();
  for (const r of restore) {
    const fill = workbook.worksheets.getItem(r.sheet).getRange(r.cell).format.fill;
    if (hadNoFill(r)) fill.clear();
    else fill.color = r.color;
    // Only a comment that still exists: the user may have deleted ours.
    if (r.comment) stored.ourCommentAt.get(recordKey(r))?.delete();
  }
  for (const m of edit.marks) {
    m.fill.color = MARK_COLOR;
    if (m.record.comment) workbook.comments.add(`${quote(m.record.sheet)}!${m.record.cell}`, m.comment);
  }
  for (const name of lifted) workbook.worksheets.getItem(name).protection.protect(optionsFor(state.protectedNow.get(name)!, caps));
  if (edit.marks.length > 0) for (const name of lifted) notes.push(issue('OFFICE_MARKS_UNPROTECTED', 'info', { sheet: name }, { sheet: name }));
  if (edit.storeFinal.length > 0) {
    if (edit.storeFinal !== edit.storeFirst) writeStore(context, edit.storeFinal, storeExists, caps, notes);
  } else if (storeExists) {
    const store = workbook.worksheets.getItem(MARKS_SHEET_NAME);
    if (caps.has('sheetVisibility')) store.visibility = 'Visible'; // a very hidden sheet cannot be deleted
    store.delete();
  }
  return notes;
}
