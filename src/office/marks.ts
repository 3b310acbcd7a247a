/**
 * Problem cells on the live workbook: mark (fill, and a comment where
 * ExcelApi 1.10 allows), clear (put back the old fill exactly), select.
 * Syncs per action are fixed: mark 4 (sheets and comments, old marks and
 * comment places, old fills, write), clear 3, select 1, whatever the number of issues or rows.
 */
/// <reference types="office-js" />
import { messageFor } from '../core/issues.js';
import { issue } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import { detectCapabilities, type Capabilities } from './capabilities.js';
import type { OfficeEnv } from './env.js';
import { MARK_COLOR, MARKS_SHEET_NAME, hadNoFill, recordsToRows, rowsToRecords, type MarkRecord } from './marks-store.js';
import { toOfficeFailure, type OfficeFailure } from './office-errors.js';

export type MarkResult = { ok: true; marked: number; restored: number; notes: Issue[]; syncs: number } | { ok: false; error: OfficeFailure; syncs: number };

type Counter = { syncs: number };

async function counted(context: Excel.RequestContext, counter: Counter): Promise<void> {
  counter.syncs++;
  await context.sync();
}

/** Reads the store (one sync) when it exists. */
async function readStore(context: Excel.RequestContext, names: string[], counter: Counter): Promise<MarkRecord[] | undefined> {
  if (!names.includes(MARKS_SHEET_NAME)) return undefined;
  const used = context.workbook.worksheets.getItem(MARKS_SHEET_NAME).getUsedRange().load('values');
  await counted(context, counter);
  return rowsToRecords(used.values);
}

/** Queues the undoing of `records` and the store's deletion (no sync). */
function queueRestore(context: Excel.RequestContext, records: MarkRecord[], names: string[], caps: Capabilities): void {
  const present = new Set(names);
  const bySheet = new Map<string, MarkRecord[]>();
  for (const r of records) if (present.has(r.sheet)) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r]);
  for (const [sheetName, marks] of bySheet) {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const protection = marks.find((m) => m.protection)?.protection;
    if (protection && caps.has('protection')) sheet.protection.unprotect();
    for (const m of marks) {
      const fill = sheet.getRange(m.cell).format.fill;
      if (hadNoFill(m)) fill.clear();
      else fill.color = m.color;
      if (m.comment && caps.has('comments')) context.workbook.comments.getItemByCell(`${quote(sheetName)}!${m.cell}`).delete();
    }
    if (protection && caps.has('protection')) sheet.protection.protect(JSON.parse(protection) as Excel.WorksheetProtectionOptions);
  }
  const store = context.workbook.worksheets.getItem(MARKS_SHEET_NAME);
  store.visibility = 'Visible';
  store.delete();
}

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;

async function sheetNames(context: Excel.RequestContext, counter: Counter): Promise<string[]> {
  const sheets = context.workbook.worksheets.load('items/name');
  await counted(context, counter);
  return sheets.items.map((s) => s.name);
}

/** Marks each issue's cell; earlier marks are cleared first so a re-check never stacks colours. */
export async function markProblems(issues: readonly Issue[], env: OfficeEnv, caps: Capabilities = detectCapabilities(env)): Promise<MarkResult> {
  const counter: Counter = { syncs: 0 };
  return env.run(async (context) => {
    try {
      const comments = caps.has('comments') ? context.workbook.comments.load('items/id') : undefined;
      const names = await sheetNames(context, counter);
      // Cells that already carry someone's comment keep it: Excel refuses a second one, and it is not ours to replace.
      const locations = comments ? comments.items.map((c) => c.getLocation().load('address')) : [];
      const store = names.includes(MARKS_SHEET_NAME) ? context.workbook.worksheets.getItem(MARKS_SHEET_NAME).getUsedRange().load('values') : undefined;
      await counted(context, counter);
      const old = store ? rowsToRecords(store.values) : undefined;
      if (old) queueRestore(context, old, names, caps);
      // One mark per cell, on sheets that exist; the comment lists every problem of the cell.
      const targets = new Map<string, { sheet: string; cell: string; texts: string[] }>();
      for (const item of issues) {
        const { sheet, cell } = item.where;
        if (!sheet || !cell || !names.includes(sheet) || sheet === MARKS_SHEET_NAME) continue;
        const key = `${sheet}!${cell}`;
        const target = targets.get(key) ?? { sheet, cell, texts: [] };
        target.texts.push(messageFor(item.code, item.params));
        targets.set(key, target);
      }
      const fills = [...targets.values()].map((t) => {
        const fill = context.workbook.worksheets.getItem(t.sheet).getRange(t.cell).format.fill;
        fill.load(caps.has('fillPattern') ? ['color', 'pattern'] : ['color']);
        return { ...t, fill };
      });
      const sheetsToMark = [...new Set(fills.map((f) => f.sheet))];
      const protections = caps.has('protection')
        ? sheetsToMark.map((name) => ({ name, protection: context.workbook.worksheets.getItem(name).protection.load(['protected', 'options']) }))
        : [];
      await counted(context, counter);
      const lifted = new Map<string, string>();
      const notes: Issue[] = [];
      for (const { name, protection } of protections) {
        if (!protection.protected) continue;
        lifted.set(name, JSON.stringify(protection.options));
        context.workbook.worksheets.getItem(name).protection.unprotect();
        notes.push(issue('OFFICE_MARKS_UNPROTECTED', 'info', { sheet: name }, { sheet: name }));
      }
      const commented = new Set(locations.map((l) => l.address.replace(/\$/g, '')));
      const ours = new Set((old ?? []).filter((r) => r.comment).map((r) => `${quote(r.sheet)}!${r.cell}`));
      const records: MarkRecord[] = fills.map((f) => {
        const pattern = caps.has('fillPattern') ? String(f.fill.pattern) : '';
        const at = `${quote(f.sheet)}!${f.cell}`;
        const free = !commented.has(at) && !commented.has(`${f.sheet}!${f.cell}`) || ours.has(at);
        const record = { sheet: f.sheet, cell: f.cell, color: f.fill.color, pattern, comment: caps.has('comments') && free, protection: lifted.get(f.sheet) ?? '' };
        f.fill.color = MARK_COLOR;
        if (record.comment) context.workbook.comments.add(`${quote(f.sheet)}!${f.cell}`, `台账校验：${f.texts.join('\n')}`);
        return record;
      });
      for (const [name, options] of lifted) context.workbook.worksheets.getItem(name).protection.protect(JSON.parse(options) as Excel.WorksheetProtectionOptions);
      if (records.length > 0) writeStore(context, records);
      await counted(context, counter);
      return { ok: true, marked: records.length, restored: old?.length ?? 0, notes, syncs: counter.syncs };
    } catch (error) {
      return { ok: false, error: toOfficeFailure(error), syncs: counter.syncs };
    }
  });
}

function writeStore(context: Excel.RequestContext, records: MarkRecord[]): void {
  const rows = recordsToRows(records);
  const store = context.workbook.worksheets.add(MARKS_SHEET_NAME);
  const range = store.getRange(`A1:${String.fromCharCode(64 + rows[0]!.length)}${rows.length}`);
  range.numberFormat = rows.map((row) => row.map(() => '@'));
  range.values = rows;
  store.visibility = 'VeryHidden';
}

/** Puts back every marked cell's fill, removes our comments and the store. */
export async function clearMarks(env: OfficeEnv, caps: Capabilities = detectCapabilities(env)): Promise<MarkResult> {
  const counter: Counter = { syncs: 0 };
  return env.run(async (context) => {
    try {
      const names = await sheetNames(context, counter);
      const old = await readStore(context, names, counter);
      if (!old) return { ok: true, marked: 0, restored: 0, notes: [], syncs: counter.syncs };
      queueRestore(context, old, names, caps);
      await counted(context, counter);
      return { ok: true, marked: 0, restored: old.length, notes: [], syncs: counter.syncs };
    } catch (error) {
      return { ok: false, error: toOfficeFailure(error), syncs: counter.syncs };
    }
  });
}

/** Shows a problem: activates its sheet and selects its cell (one sync). */
export async function selectCell(sheet: string, address: string, env: OfficeEnv): Promise<{ ok: true } | { ok: false; error: OfficeFailure }> {
  return env.run(async (context) => {
    try {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
      return { ok: true };
    } catch (error) {
      const failure = toOfficeFailure(error);
      if (failure.officeCode === 'ItemNotFound') return { ok: false, error: { ...failure, code: 'OFFICE_SHEET_MISSING', message: messageFor('OFFICE_SHEET_MISSING', { sheet }) } };
      return { ok: false, error: failure };
    }
  });
}
