/**
 * Each task of a school as one light, 红 / 黄 / 绿 / 未填, on the as-of date:
 * - 红: a due date passed and the row is not 已完成;
 * - 黄: not 已完成 and due within `dueSoonDays`; or still 未开始 once
 *   `notStartedShare` of its time has passed (behind pace); or an ongoing duty
 *   (长期坚持, 持续推进) without 完成情况 text; or 未开始 with no readable due date;
 * - 绿: 已完成, or not yet due and under way;
 * - 未填: no row of the task has a status.
 * Recurring duties (每月, 每季度, 每学期…) are judged by their current period,
 * due at its last day, so they are never 红; ongoing ones are never overdue.
 * A task with inserted rows takes its worst row's light.
 */
import { compareIso } from '../calendar.js';
import type { Deadline } from '../deadline/index.js';
import type { LedgerRow } from '../ledger/ledger-types.js';
import type { IsoDate } from '../model.js';
import { STATUS_DONE, type StatusValue } from '../template/constants.js';
import type { PaceRules } from '../validate/rules.js';
import { currentPeriod, daysBetween } from './periods.js';
import { deadlineLabel, deadlineOf, statusOf, type ReadContext } from './task-states.js';
import type { Light } from './types.js';

export interface LightContext extends ReadContext {
  asOf: IsoDate;
  /** When the plan's work starts: its issue date, else 1 January of the plan year. */
  planStart: IsoDate;
  rules: PaceRules;
}

/** What made a task 红: the row's 完成时限 as written and as understood, its 状态 and 责任人. */
export interface RedReason {
  deadline: string;
  deadlineRead: string;
  status: string;
  owner: string;
}

export interface TaskLight {
  light: Light;
  /** The task had a due date on or before the as-of date (it counts in 序时进度). */
  dueByAsOf: boolean;
  red?: RedReason;
}

const ORDER: Record<Light, number> = { 未填: 0, 绿: 1, 黄: 2, 红: 3 };

/** A dated or periodic due day, and the day its time started (for the pace check). */
function dueSpan(due: Deadline, ctx: LightContext): { start: IsoDate; end: IsoDate } | undefined {
  if (due.kind === 'date') return { start: ctx.planStart, end: due.date };
  if (due.kind === 'recurring') return currentPeriod(due.period, ctx.asOf);
  return undefined;
}

export function rowLight(status: StatusValue, due: Deadline, progress: string, ctx: LightContext): Light {
  if (status === STATUS_DONE) return '绿';
  if (due.kind === 'ongoing') return status === '推进中' && progress.trim() !== '' ? '绿' : '黄';
  const span = dueSpan(due, ctx);
  if (!span) return status === '推进中' ? '绿' : '黄';
  if (compareIso(span.end, ctx.asOf) < 0) return '红';
  if (daysBetween(ctx.asOf, span.end) <= ctx.rules.dueSoonDays) return '黄';
  if (status === '未开始') {
    const whole = daysBetween(span.start, span.end);
    const passed = daysBetween(span.start, ctx.asOf);
    if (whole <= 0 || passed / whole >= ctx.rules.notStartedShare) return '黄';
  }
  return '绿';
}

/** One task's light from its rows (the task row and rows inserted under it). */
export function taskLight(rows: readonly LedgerRow[], ctx: LightContext): TaskLight {
  const taskRow = rows.find((r) => r.kind === 'task');
  const fallback = deadlineOf(taskRow?.cells.deadline, ctx);
  let light: Light = '未填';
  let red: RedReason | undefined;
  let dueByAsOf = fallback.kind === 'date' && compareIso(fallback.date, ctx.asOf) <= 0;
  for (const row of rows) {
    const status = statusOf(row.cells.status);
    const own = deadlineOf(row.cells.deadline, ctx);
    const due = own.kind === 'empty' ? fallback : own;
    if (fallback.kind === 'empty' && due.kind === 'date' && compareIso(due.date, ctx.asOf) <= 0) dueByAsOf = true;
    if (status === undefined) continue;
    const found = rowLight(status, due, row.cells.progress?.text ?? '', ctx);
    if (found === '红' && !red) {
      const cell = own.kind === 'empty' ? taskRow?.cells.deadline : row.cells.deadline;
      red = { deadline: cell?.text ?? '', deadlineRead: deadlineLabel(due), status, owner: (row.cells.owner ?? taskRow?.cells.owner)?.text ?? '' };
    }
    if (ORDER[found] > ORDER[light]) light = found;
  }
  return { light, dueByAsOf, ...(red ? { red } : {}) };
}

/** One light per plan task, in plan order. */
export function ledgerLights(byTask: ReadonlyMap<string, readonly LedgerRow[]>, taskIds: readonly string[], ctx: LightContext): TaskLight[] {
  return taskIds.map((id) => taskLight(byTask.get(id) ?? [], ctx));
}
