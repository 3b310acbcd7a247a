/**
 * A ledger slimmed for a roll-up over thousands of files: the plan's fixed
 * text (工作任务, 工作要求) is dropped from task rows where the school left it
 * as generated — the roll-up takes it from the plan — and kept where it was
 * changed. It is most of a ledger's size (measured: about half of 32 KB).
 */
import type { Task } from '../model.js';
import { matchKey } from './cell-text.js';
import type { Ledger, LedgerCell, LedgerRow } from './ledger-types.js';
import type { TemplateIndex } from './template-index.js';

/** The plan's texts as match keys, worked out once per task rather than once per school file. */
const planKeys = new WeakMap<Task, { title: string; body: string }>();

function keysOf(task: Task): { title: string; body: string } {
  let keys = planKeys.get(task);
  if (!keys) planKeys.set(task, (keys = { title: matchKey(task.title), body: matchKey(task.body) }));
  return keys;
}

/** Whether a cell still says what the plan says; text left exactly as generated needs no normalising. */
function unchanged(cell: LedgerCell, planText: string, planKey: string): boolean {
  return cell.text === planText || matchKey(cell.text) === planKey;
}

function compactRow(row: LedgerRow, index: TemplateIndex): LedgerRow {
  const task = row.kind === 'task' && row.taskId ? index.tasksById.get(row.taskId)?.task : undefined;
  if (!task) return row;
  const { task: title, requirement, ...rest } = row.cells;
  const keys = keysOf(task);
  const cells = {
    ...rest,
    ...(title && !unchanged(title, task.title, keys.title) ? { task: title } : {}),
    ...(requirement && !unchanged(requirement, task.body, keys.body) ? { requirement } : {}),
  };
  return { ...row, cells };
}

export function compactLedger(ledger: Ledger, index: TemplateIndex): Ledger {
  return { ...ledger, rows: ledger.rows.map((row) => compactRow(row, index)) };
}
