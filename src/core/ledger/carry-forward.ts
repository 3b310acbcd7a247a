/**
 * Last round's submission → what the new round's ledger is generated with
 * already filled in. Against the same plan every row carries by its task id.
 * Against another plan (a new year's) the ids are positions (`P2T5`), so a row
 * carries only where the task's title is still the same — at its old id, or
 * wherever the title moved to; what finds no task is listed, never guessed.
 */
import { issue } from '../issues.js';
import type { Issue } from '../model.js';
import { COLUMN_KEYS, type ColumnKey } from '../template/constants.js';
import { FILLED_KEYS, type FilledKey, type LedgerPrefill, type PrefillRow, type PrefillValue } from '../template/prefill.js';
import { matchKey } from './cell-text.js';
import type { Ledger, LedgerCell, LedgerRow } from './ledger-types.js';
import type { TemplateIndex } from './template-index.js';

export interface CarryForward {
  prefill: LedgerPrefill;
  /** Tasks whose row was carried, and rows the school inserted that came along with them. */
  carriedTasks: number;
  carriedExtras: number;
  /** Rows not carried: each has its warning (the rows inserted under one go with it). */
  leftOut: number;
  /** What was not carried (a warning each, naming the previous file's sheet and row), and whether the plan changed (info). */
  issues: Issue[];
}

/**
 * A cell as it goes into the new ledger: text as typed (spaces too), a number as a number, a date as a date,
 * a formula as its result, an error cell as nothing.
 */
function prefillValue(cell: LedgerCell): PrefillValue | undefined {
  if (cell.iso !== undefined) return { date: cell.iso };
  if (cell.type === 'error') return undefined;
  return typeof cell.value === 'boolean' ? cell.text : cell.value;
}

function carriedCells<K extends ColumnKey>(row: LedgerRow, keys: readonly K[]): Partial<Record<K, PrefillValue>> {
  const out: Partial<Record<K, PrefillValue>> = {};
  for (const key of keys) {
    const cell = row.cells[key];
    const value = cell ? prefillValue(cell) : undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The new plan's task a previous task row goes to, if any. */
function targetOf(row: LedgerRow, index: TemplateIndex, samePlan: boolean): string | undefined {
  if (samePlan) return row.kind === 'task' ? row.taskId : undefined;
  const title = row.cells.task ? matchKey(row.cells.task.text) : '';
  if (title === '') return undefined;
  const atId = row.taskId ? index.tasksById.get(row.taskId) : undefined;
  if (atId && matchKey(atId.task.title) === title) return atId.task.id;
  const moved = index.tasksByTitle.get(title) ?? [];
  return moved.length === 1 ? moved[0]!.task.id : undefined;
}

function rowTitle(row: LedgerRow): string {
  return row.cells.task?.text || row.cells.taskId?.text || '';
}

export function carryForward(previous: Ledger, index: TemplateIndex, file = ''): CarryForward {
  const samePlan = previous.templateId === index.templateId;
  const tasks = new Map<string, Partial<Record<FilledKey, PrefillValue>>>();
  const extras = new Map<string, PrefillRow[]>();
  const issues: Issue[] = [];
  let carriedExtras = 0;
  // The task the rows inserted below a task row go with; `dropped`: they went with that row's warning.
  let current: string | undefined;
  let dropped = false;
  let sheet = '';
  for (const row of previous.rows) {
    if (row.sheet !== sheet) [sheet, current, dropped] = [row.sheet, undefined, false];
    const where = { file, sheet: row.sheet, cell: `A${row.row}` };
    if (row.kind === 'extra' && current !== undefined) {
      extras.get(current)!.push(carriedCells(row, COLUMN_KEYS));
      carriedExtras += 1;
      continue;
    }
    if (row.kind !== 'task' && rowTitle(row) === '') {
      if (!dropped) issues.push(issue('CARRY_ROW_LEFT', 'warning', where, { sheet: row.sheet, row: row.row }));
      current = undefined;
      continue;
    }
    const target = targetOf(row, index, samePlan);
    const params = { sheet: row.sheet, row: row.row, title: rowTitle(row) };
    [current, dropped] = [undefined, true];
    if (target === undefined) {
      issues.push(issue('CARRY_TASK_GONE', 'warning', where, params));
    } else if (tasks.has(target)) {
      issues.push(issue('CARRY_TASK_TWICE', 'warning', where, params));
    } else {
      tasks.set(target, carriedCells(row, FILLED_KEYS));
      extras.set(target, []);
      [current, dropped] = [target, false];
    }
  }
  const leftOut = issues.length;
  if (!samePlan) issues.unshift(issue('CARRY_OTHER_PLAN', 'info', { file }, { file }));
  const cover: NonNullable<LedgerPrefill['cover']> = {};
  if (previous.info.unit?.text) cover.unit = previous.info.unit.text;
  if (previous.info.reporter?.text) cover.reporter = previous.info.reporter.text;
  if (previous.info.phone?.text) cover.phone = previous.info.phone.text;
  return { prefill: { cover, tasks, extras }, carriedTasks: tasks.size, carriedExtras, leftOut, issues };
}
