/**
 * Problem cells on the live workbook: mark (fill, and a comment where
 * ExcelApi 1.10 allows), clear (put back the old fill exactly), select.
 * Syncs per action are fixed: mark 4 (sheets, protection and comments; the
 * store and comment places; old fills; the edit), clear 3 (1 when nothing is
 * marked), select 1, whatever the number of issues or rows. The edit request
 * is ordered so a failure half way never leaves a mark the store does not
 * list (marks-edit.ts); a locked workbook structure is refused before it.
 */
/// <reference types="office-js" />
import { messageFor } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import { detectCapabilities, type Capabilities } from './capabilities.js';
import type { OfficeEnv } from './env.js';
import { queueEdit, type NewMark } from './marks-edit.js';
import { COMMENT_PREFIX, counted, readStored, readWorkbookState, type Counter } from './marks-read.js';
import { MARKS_SHEET_NAME, mergeRecords, recordKey } from './marks-store.js';
import { toOfficeFailure, type OfficeFailure } from './office-errors.js';
import { structureLocked } from './structure-lock.js';

export type MarkResult = { ok: true; marked: number; restored: number; notes: Issue[]; syncs: number } | { ok: false; error: OfficeFailure; syncs: number };

/** One target per cell, on sheets that exist; the comment lists every problem of the cell. */
function targetsOf(issues: readonly Issue[], names: readonly string[]): { sheet: string; cell: string; texts: string[] }[] {
  const targets = new Map<string, { sheet: string; cell: string; texts: string[] }>();
  for (const item of issues) {
    const { sheet, cell } = item.where;
    if (!sheet || !cell || !names.includes(sheet) || sheet === MARKS_SHEET_NAME) continue;
    const key = `${sheet}!${cell}`;
    const target = targets.get(key) ?? { sheet, cell, texts: [] };
    target.texts.push(messageFor(item.code, item.params));
    targets.set(key, target);
  }
  return [...targets.values()];
}

/** Marks each issue's cell; earlier marks are cleared in the same request, so a re-check never stacks colours. */
export async function markProblems(issues: readonly Issue[], env: OfficeEnv, caps: Capabilities = detectCapabilities(env)): Promise<MarkResult> {
  const counter: Counter = { syncs: 0 };
  return env.run(async (context) => {
    try {
      const state = await readWorkbookState(context, caps, counter);
      if (state.structureLocked) return { ok: false, error: structureLocked(), syncs: counter.syncs };
      const stored = await readStored(context, state, counter);
      const fills = targetsOf(issues, state.names).map((t) => {
        const fill = context.workbook.worksheets.getItem(t.sheet).getRange(t.cell).format.fill;
        fill.load(caps.has('fillPattern') ? ['color', 'pattern'] : ['color']);
        return { ...t, fill };
      });
      await counted(context, counter);
      // A cell with someone else's comment keeps it (Excel refuses a second one); one with ours gets it replaced.
      const ours = new Set(stored.records.filter((r) => r.comment).map(recordKey));
      const fresh = fills.map((f) => {
        const key = `${f.sheet}!${f.cell}`;
        const free = !stored.commented.has(key) || (ours.has(key) && stored.ourCommentAt.has(key));
        const pattern = caps.has('fillPattern') ? String(f.fill.pattern) : '';
        return { sheet: f.sheet, cell: f.cell, color: f.fill.color, pattern, comment: caps.has('comments') && free, protection: '' };
      });
      const records = mergeRecords(stored.records, fresh);
      const marks: NewMark[] = fills.map((f, i) => ({ record: records.fresh[i]!, fill: f.fill, comment: `${COMMENT_PREFIX}${f.texts.join('\n')}` }));
      const sameStore = records.union.length === records.fresh.length;
      const notes = queueEdit(context, caps, state, stored, {
        restore: stored.records,
        marks,
        ...(records.fresh.length > 0 ? { storeFirst: records.union } : {}),
        storeFinal: sameStore ? records.union : records.fresh,
      });
      await counted(context, counter);
      return { ok: true, marked: marks.length, restored: stored.records.length, notes, syncs: counter.syncs };
    } catch (error) {
      return { ok: false, error: toOfficeFailure(error), syncs: counter.syncs };
    }
  });
}

/** Puts back every marked cell's fill, removes our comments that still exist, and the store. */
export async function clearMarks(env: OfficeEnv, caps: Capabilities = detectCapabilities(env)): Promise<MarkResult> {
  const counter: Counter = { syncs: 0 };
  return env.run(async (context) => {
    try {
      const state = await readWorkbookState(context, caps, counter);
      if (!state.hasStore) return { ok: true, marked: 0, restored: 0, notes: [], syncs: counter.syncs };
      if (state.structureLocked) return { ok: false, error: structureLocked(), syncs: counter.syncs };
      const stored = await readStored(context, state, counter);
      queueEdit(context, caps, state, stored, { restore: stored.records, marks: [], storeFinal: [] });
      await counted(context, counter);
      return { ok: true, marked: 0, restored: stored.records.length, notes: [], syncs: counter.syncs };
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
