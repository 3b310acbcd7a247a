/**
 * The cells a school fills on each task row: 责任单位, 责任人, 完成时限, 状态,
 * 完成情况, and whether a dated task is overdue. Rows a school inserted under
 * a task (`extra`) are checked for what they fill; the required cells are
 * the task row's, which the extra rows inherit.
 */
import { compareIso, endOfMonth } from '../calendar.js';
import { readCellDeadline, statusKey } from '../ledger/cell-readings.js';
import type { LedgerCell, LedgerRow } from '../ledger/ledger-types.js';
import type { ColumnKey } from '../template/constants.js';
import { shown, whereOf, type Context } from './context.js';
import type { ValidateCode } from './rule-codes.js';

const REQUIRED_ON_TASK_ROWS: [ColumnKey, ValidateCode][] = [
  ['unit', 'VALIDATE_UNIT_MISSING'],
  ['owner', 'VALIDATE_OWNER_MISSING'],
  ['deadline', 'VALIDATE_DEADLINE_MISSING'],
];

/** Digits, ASCII or full-width: a phone number or a staff number where a name belongs. */
const DIGIT = /[0-9０-９]/;

export interface Window {
  from: string;
  to: string;
}

export function deadlineWindow(ctx: Context): Window {
  const { plan } = ctx.index;
  const rule = ctx.rules.deadlineWindow;
  const months = 12 + rule.monthsAfterYearEnd;
  const lastYear = plan.year + Math.floor((months - 1) / 12);
  const lastMonth = ((months - 1) % 12) + 1;
  return {
    from: rule.from ?? plan.header.issueDate ?? `${plan.year}-01-01`,
    to: rule.to ?? endOfMonth(lastYear, lastMonth) ?? `${plan.year}-12-31`,
  };
}

function checkDeadline(ctx: Context, row: LedgerRow, cell: LedgerCell, status: LedgerCell | undefined, window: Window): void {
  const where = whereOf(ctx, row, 'deadline', cell);
  const value = shown(cell.text);
  const deadline = readCellDeadline(cell, { year: ctx.index.plan.year, date1904: ctx.date1904 });
  if (deadline.kind === 'unknown' || deadline.kind === 'empty') {
    ctx.report('VALIDATE_DEADLINE_UNKNOWN', where, { value });
    return;
  }
  if (deadline.kind !== 'date') return;
  const due = deadline.date;
  if (compareIso(due, window.from) < 0 || compareIso(due, window.to) > 0) {
    ctx.report('VALIDATE_DEADLINE_OUTSIDE_WINDOW', where, { value, due, from: window.from, to: window.to });
  }
  const done = status !== undefined && statusKey(status.text) === statusKey(ctx.rules.doneStatus);
  if (compareIso(due, ctx.asOf) < 0 && !done) {
    ctx.report('VALIDATE_OVERDUE', where, { value, due, status: status ? shown(status.text) : '未填', asOf: ctx.asOf });
  }
}

function checkRow(ctx: Context, row: LedgerRow, taskRow: LedgerRow | undefined, window: Window): void {
  const has = (key: ColumnKey) => ctx.ledger.sheets.find((s) => s.name === row.sheet)?.columns[key] !== undefined;
  if (row.kind === 'task') {
    for (const [key, code] of REQUIRED_ON_TASK_ROWS) {
      if (has(key) && !row.cells[key]) ctx.report(code, whereOf(ctx, row, key), { value: '' });
    }
  }
  const owner = row.cells.owner;
  if (owner && DIGIT.test(owner.text)) ctx.report('VALIDATE_OWNER_DIGITS', whereOf(ctx, row, 'owner', owner), { value: shown(owner.text) });

  const status = row.cells.status;
  const allowed = ctx.rules.statusValues.map(statusKey);
  if (row.cells.status && !allowed.includes(statusKey(row.cells.status.text))) {
    ctx.report('VALIDATE_STATUS_INVALID', whereOf(ctx, row, 'status', row.cells.status), {
      value: shown(row.cells.status.text),
      allowed: ctx.rules.statusValues.join('、'),
    });
  }
  if (row.kind === 'task' && !status && has('status')) ctx.report('VALIDATE_STATUS_MISSING', whereOf(ctx, row, 'status'), { value: '' });
  if (row.cells.status && statusKey(row.cells.status.text) === statusKey(ctx.rules.doneStatus) && has('progress') && !row.cells.progress) {
    ctx.report('VALIDATE_PROGRESS_MISSING', whereOf(ctx, row, 'progress'), { value: '', status: shown(row.cells.status.text) });
  }
  // An inserted row's own deadline is judged by its own status, else by its task's. (A value merged down over
  // several rows is already every row's own: extractLedger fills the cells under a merge.)
  const deadline = row.cells.deadline;
  const effectiveStatus = status ?? taskRow?.cells.status;
  if (deadline) checkDeadline(ctx, row, deadline, effectiveStatus, window);
}

export function checkRows(ctx: Context): void {
  const window = deadlineWindow(ctx);
  const taskRows = new Map<string, LedgerRow>();
  for (const row of ctx.ledger.rows) {
    if (row.kind === 'orphan') continue;
    if (row.kind === 'task' && row.taskId && !taskRows.has(row.taskId)) taskRows.set(row.taskId, row);
    checkRow(ctx, row, row.taskId ? taskRows.get(row.taskId) : undefined, window);
  }
}
