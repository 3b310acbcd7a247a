/** Every row of a read file as one flat detail record, and every problem of a file as one flat record. */
import { minOf } from '../arrays.js';
import { messageFor } from '../issues.js';
import type { Ledger, LedgerRow } from '../ledger/ledger-types.js';
import type { Issue } from '../model.js';
import { columnLetter } from '../workbook/a1.js';
import type { DetailRow, ProblemRow, Rollup, RollupTask } from './types.js';
import { deadlineLabel, deadlineOf, type ReadContext } from './task-states.js';

/** Per sheet: the column letter of its first table cell (the leftmost header column found, else A) and its pillar's numeral. */
interface SheetFacts {
  firstColumn: string;
  pillar: string;
}

function sheetFacts(ledger: Ledger, pillarBySheet: ReadonlyMap<number, string>): Map<string, SheetFacts> {
  const facts = new Map<string, SheetFacts>();
  for (const sheet of ledger.sheets) {
    // The first sheet of a name wins, as a lookup by name would find it.
    if (facts.has(sheet.name)) continue;
    const columns = Object.values(sheet.columns) as number[];
    const pillar = sheet.pillarNo !== undefined ? (pillarBySheet.get(sheet.pillarNo) ?? '') : '';
    facts.set(sheet.name, { firstColumn: columnLetter(minOf(columns, 1)), pillar });
  }
  return facts;
}

const NO_SHEET: SheetFacts = { firstColumn: 'A', pillar: '' };

export function detailRows(
  school: string,
  file: string,
  ledger: Ledger,
  adopted: boolean,
  tasks: ReadonlyMap<string, RollupTask>,
  pillarBySheet: ReadonlyMap<number, string>,
  ctx: ReadContext,
): DetailRow[] {
  const facts = sheetFacts(ledger, pillarBySheet);
  return ledger.rows.map((row) => {
    const cells = row.cells;
    const task = row.taskId ? tasks.get(row.taskId) : undefined;
    const sheet = facts.get(row.sheet) ?? NO_SHEET;
    return {
      school,
      file,
      sheet: row.sheet,
      row: row.row,
      cell: sheet.firstColumn + row.row,
      kind: row.kind,
      ...(row.taskId ? { taskId: row.taskId } : {}),
      pillar: task?.pillarNumeral ?? sheet.pillar,
      // Inserted rows get their task's number too, so sorting or filtering by 序号 keeps them with their task.
      seq: cells.seq?.text || (task ? String(task.no) : ''),
      task: cells.task?.text || (task ? task.title : ''),
      measures: cells.measures?.text ?? '',
      unit: cells.unit?.text ?? '',
      owner: cells.owner?.text ?? '',
      deadline: cells.deadline?.text ?? '',
      deadlineRead: deadlineLabel(deadlineOf(cells.deadline, ctx)),
      progress: cells.progress?.text ?? '',
      status: cells.status?.text ?? '',
      remark: cells.remark?.text ?? '',
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

/** The roll-up's detail rows, in the list or in the store they went to (`RollupOptions.detailStore`). */
export function detailRowsOf(rollup: Rollup): { count: number; rows(): Iterable<DetailRow> } {
  const store = rollup.detailStore;
  return store ? { count: store.length, rows: () => store.rows() } : { count: rollup.details.length, rows: () => rollup.details };
}
