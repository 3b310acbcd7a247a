/**
 * What a school reported for each task, as one state: 已完成 / 推进中 / 未开始 /
 * 逾期 / 未填, and the completion rates built from those states.
 */
import { compareIso } from '../calendar.js';
import type { Deadline } from '../deadline/index.js';
import { readCellDeadline, statusKey } from '../ledger/cell-readings.js';
import type { Ledger, LedgerCell, LedgerRow } from '../ledger/ledger-types.js';
import { STATUS_DONE, STATUS_VALUES, type StatusValue } from '../template/constants.js';
import type { Rate, RollupPillar, RollupTask, TaskState } from './types.js';

export interface ReadContext {
  year: number;
  date1904: boolean;
}

const STATUS_BY_KEY = new Map<string, StatusValue>();
for (const value of STATUS_VALUES) if (!STATUS_BY_KEY.has(statusKey(value))) STATUS_BY_KEY.set(statusKey(value), value);

/** A status cell as one of the drop-down values; anything else (typos, free text) is no status. */
export function statusOf(cell: LedgerCell | undefined): StatusValue | undefined {
  return cell ? STATUS_BY_KEY.get(statusKey(cell.text)) : undefined;
}

/** The same reading of a 完成时限 cell as the validator's. */
export const deadlineOf: (cell: LedgerCell | undefined, ctx: ReadContext) => Deadline = readCellDeadline;

const PERIOD_ZH = { week: '每周', month: '每月', quarter: '每季度', semester: '每学期', year: '每年' } as const;

/** The deadline as understood, for the detail list. */
export function deadlineLabel(deadline: Deadline): string {
  switch (deadline.kind) {
    case 'empty':
      return '';
    case 'date':
      return deadline.date;
    case 'recurring':
      return PERIOD_ZH[deadline.period];
    case 'ongoing':
      return '长期';
    case 'unknown':
      return '无法识别';
  }
}

/**
 * One task's state from its rows (the task row and rows inserted under it).
 * Rows without a recognised status do not count; none at all is 未填 (even
 * with a past deadline: the school has not said anything yet). All statuses
 * 已完成 is 已完成; else a row not done whose date deadline (its own, or the
 * task row's) is before `asOf` makes it 逾期; else any 推进中, or a mix of
 * done and not started, is 推进中; else 未开始.
 */
export function taskState(rows: readonly LedgerRow[], asOf: string, ctx: ReadContext): TaskState {
  const taskRow = rows.find((r) => r.kind === 'task');
  const fallback = deadlineOf(taskRow?.cells.deadline, ctx);
  const read = rows
    .map((row) => ({ row, status: statusOf(row.cells.status) }))
    .filter((r): r is { row: LedgerRow; status: StatusValue } => r.status !== undefined);
  if (read.length === 0) return '未填';
  if (read.every((r) => r.status === STATUS_DONE)) return '已完成';
  const overdue = read.some(({ row, status }) => {
    if (status === STATUS_DONE) return false;
    const own = deadlineOf(row.cells.deadline, ctx);
    const due = own.kind === 'empty' ? fallback : own;
    return due.kind === 'date' && compareIso(due.date, asOf) < 0;
  });
  if (overdue) return '逾期';
  if (read.some((r) => r.status === '推进中') || read.some((r) => r.status === STATUS_DONE)) return '推进中';
  return '未开始';
}

/** One state per plan task, in plan order. */
export function ledgerStates(ledger: Ledger, tasks: readonly RollupTask[], asOf: string, ctx: ReadContext): TaskState[] {
  const byTask = rowsByTask(ledger);
  return tasks.map((t) => taskState(byTask.get(t.id) ?? [], asOf, ctx));
}

/** The task row and rows inserted under it, by task id; orphan rows belong to none. */
export function rowsByTask(ledger: Ledger): Map<string, LedgerRow[]> {
  const byTask = new Map<string, LedgerRow[]>();
  for (const row of ledger.rows) {
    if (row.kind === 'orphan' || !row.taskId) continue;
    const rows = byTask.get(row.taskId);
    if (rows) rows.push(row);
    else byTask.set(row.taskId, [row]);
  }
  return byTask;
}

export function rate(done: number, total: number): Rate {
  return { done, total, rate: total === 0 ? 0 : done / total };
}

/** Completion per pillar and overall for one or more schools' states (each aligned with `tasks`). */
export function completion(
  statesPerSchool: readonly (readonly TaskState[])[],
  tasks: readonly RollupTask[],
  pillars: readonly RollupPillar[],
): { pillars: Rate[]; overall: Rate } {
  const count = (filter: (t: RollupTask) => boolean) => {
    let done = 0;
    let total = 0;
    for (const states of statesPerSchool) {
      tasks.forEach((t, i) => {
        if (!filter(t)) return;
        total += 1;
        if (states[i] === '已完成') done += 1;
      });
    }
    return rate(done, total);
  };
  return { pillars: pillars.map((_, i) => count((t) => t.pillarIndex === i)), overall: count(() => true) };
}
