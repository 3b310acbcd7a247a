/**
 * A ledger slimmed for a roll-up over thousands of files: the plan's fixed
 * text (工作任务, 工作要求) is dropped from task rows where the school left it
 * as generated — the roll-up takes it from the plan — and kept where it was
 * changed. It is most of a ledger's size (measured: about half of 32 KB).
 */
import { matchKey } from './cell-text.js';
import type { Ledger, LedgerRow } from './ledger-types.js';
import type { TemplateIndex } from './template-index.js';

function compactRow(row: LedgerRow, index: TemplateIndex): LedgerRow {
  const task = row.kind === 'task' && row.taskId ? index.tasksById.get(row.taskId)?.task : undefined;
  if (!task) return row;
  const { task: title, requirement, ...rest } = row.cells;
  const cells = {
    ...rest,
    ...(title && matchKey(title.text) !== matchKey(task.title) ? { task: title } : {}),
    ...(requirement && matchKey(requirement.text) !== matchKey(task.body) ? { requirement } : {}),
  };
  return { ...row, cells };
}

export function compactLedger(ledger: Ledger, index: TemplateIndex): Ledger {
  return { ...ledger, rows: ledger.rows.map((row) => compactRow(row, index)) };
}
