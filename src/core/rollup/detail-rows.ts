/** Every row of a read file as one flat detail record, and every problem of a file as one flat record. */
import { messageFor } from '../issues.js';
import type { Ledger, LedgerRow } from '../ledger/ledger-types.js';
import type { Issue } from '../model.js';
import { columnLetter } from '../template/a1.js';
import type { DetailRow, ProblemRow, RollupTask } from './types.js';
import { deadlineLabel, deadlineOf, type ReadContext } from './task-states.js';

/** The row's first table cell: the leftmost column the sheet's header was found in, else column A. */
function firstCell(ledger: Ledger, row: LedgerRow): string {
  const columns = Object.values(ledger.sheets.find((s) => s.name === row.sheet)?.columns ?? {});
  const first = columns.length > 0 ? Math.min(...columns) : 1;
  return `${columnLetter(first)}${row.row}`;
}

export function detailRows(
  school: string,
  file: string,
  ledger: Ledger,
  adopted: boolean,
  tasks: ReadonlyMap<string, RollupTask>,
  pillarBySheet: ReadonlyMap<number, string>,
  ctx: ReadContext,
): DetailRow[] {
  return ledger.rows.map((row) => {
    const text = (key: keyof LedgerRow['cells']) => row.cells[key]?.text ?? '';
    const task = row.taskId ? tasks.get(row.taskId) : undefined;
    const sheetPillar = ledger.sheets.find((s) => s.name === row.sheet)?.pillarNo;
    return {
      school,
      file,
      sheet: row.sheet,
      row: row.row,
      cell: firstCell(ledger, row),
      kind: row.kind,
      ...(row.taskId ? { taskId: row.taskId } : {}),
      pillar: task?.pillarNumeral ?? (sheetPillar !== undefined ? (pillarBySheet.get(sheetPillar) ?? '') : ''),
      // Inserted rows get their task's number too, so sorting or filtering by 序号 keeps them with their task.
      seq: text('seq') || (task ? String(task.no) : ''),
      task: text('task') || (task ? task.title : ''),
      measures: text('measures'),
      unit: text('unit'),
      owner: text('owner'),
      deadline: text('deadline'),
      deadlineRead: deadlineLabel(deadlineOf(row.cells.deadline, ctx)),
      progress: text('progress'),
      status: text('status'),
      remark: text('remark'),
      adopted,
    };
  });
}

export function problemRows(school: string, file: string, issues: readonly Issue[]): ProblemRow[] {
  return issues.map((item) => ({
    school,
    file,
    sheet: item.where.sheet ?? '',
    cell: item.where.cell ?? '',
    severity: item.severity,
    code: item.code,
    message: messageFor(item.code, item.params),
  }));
}
