/**
 * Turns the rows under a pillar sheet's header into ledger rows: each matched
 * to a task by its hidden id, else by its title; rows a school inserted under
 * a task belong to that task; anything else is kept as an orphan row.
 */
import type { ColumnKey } from '../template/spec-types.js';
import { isBlank, ledgerCell, matchKey } from './cell-text.js';
import { sortedRows } from './grid.js';
import type { FoundSheet } from './find-sheets.js';
import type { LedgerCell, LedgerCells, LedgerRow } from './ledger-types.js';
import type { IndexedTask, TemplateIndex } from './template-index.js';

function rowCells(found: FoundSheet, row: number): LedgerCells {
  const cells: LedgerCells = {};
  const gridRow = found.grid.get(row);
  if (!gridRow) return cells;
  for (const [key, col] of Object.entries(found.columns) as [ColumnKey, number][]) {
    const cell = gridRow.get(col);
    if (cell) {
      const value = ledgerCell(found.sheet.name, cell);
      if (value.text !== '') cells[key] = value;
    }
  }
  return cells;
}

function byTitle(index: TemplateIndex, title: string, pillarIndex: number | undefined): IndexedTask | undefined {
  const candidates = index.tasksByTitle.get(matchKey(title)) ?? [];
  return candidates.find((c) => c.pillarIndex === pillarIndex) ?? candidates[0];
}

/**
 * A 序号 that could be a task's own number. Clerks number the rows they insert
 * `1-1`, `（1）` or `①`; those stay with the task above.
 */
function isTaskNumber(cell: LedgerCell | undefined): boolean {
  return cell !== undefined && /^\d+[.．、]?$/.test(cell.text.normalize('NFKC'));
}

export function extractRows(found: FoundSheet, index: TemplateIndex): LedgerRow[] {
  const rows: LedgerRow[] = [];
  let current: string | undefined;
  for (const r of sortedRows(found.grid)) {
    if (r <= found.headerRow) continue;
    const cells = rowCells(found, r);
    if (Object.keys(cells).length === 0) continue;
    const base = { sheet: found.sheet.name, row: r, cells };
    const byId = cells.taskId ? index.tasksById.get(cells.taskId.text) : undefined;
    const matched = byId ?? (cells.task ? byTitle(index, cells.task.text, found.pillarIndex) : undefined);
    if (matched) {
      current = matched.task.id;
      rows.push({ kind: 'task', taskId: current, ...base });
    } else if (current !== undefined && isBlank(cells.task) && isBlank(cells.taskId) && !isTaskNumber(cells.seq)) {
      rows.push({ kind: 'extra', taskId: current, ...base });
    } else {
      // Rows under an unknown row belong with it, not with the task above it.
      current = undefined;
      rows.push({ kind: 'orphan', ...base });
    }
  }
  return rows;
}
