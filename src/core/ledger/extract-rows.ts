/**
 * Turns the rows under a pillar sheet's header into ledger rows: each matched
 * to a task by its hidden id, else by its title; rows a school inserted under
 * a task belong to that task; anything else is kept as an orphan row.
 */
import type { ColumnKey } from '../template/constants.js';
import { isBlank, ledgerCell, matchKey } from './cell-text.js';
import { sortedRows } from './grid.js';
import type { FoundSheet } from './find-sheets.js';
import type { LedgerCell, LedgerCells, LedgerRow } from './ledger-types.js';
import { MergedAbove, MergeFills } from './merged-cells.js';
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

/**
 * Columns whose value a merge over several rows gives every row under it. Not the columns that say which
 * task a row is (序号, 工作任务, 工作要求, the hidden id): a 工作任务 merged over the rows a school inserted
 * under a task must leave them that task's extra rows, not make them the task again.
 */
const MERGE_FILLED: readonly ColumnKey[] = ['measures', 'unit', 'owner', 'deadline', 'progress', 'status', 'remark'];

/**
 * Fills a row's empty cells that lie under a merge from the merge's top cell, which keeps its own address.
 * Every row gets the same cell object, made once per merge: a copy per row multiplied the text by the rows.
 */
function fillFromMerges(found: FoundSheet, merged: MergedAbove, row: number, cells: LedgerCells, fills: MergeFills): void {
  for (const key of MERGE_FILLED) {
    const col = found.columns[key];
    if (col === undefined || cells[key]) continue;
    const merge = merged.covering(row, col);
    if (!merge) continue;
    if (merge.value === undefined) {
      const cell = found.grid.get(merge.top)?.get(col);
      const value = cell ? ledgerCell(found.sheet.name, cell) : undefined;
      merge.value = value && value.text !== '' ? value : null;
    }
    if (merge.value && fills.take(found.sheet.name, merge, merge.value)) cells[key] = merge.value;
  }
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

/** `fills` counts what merges add, over all the sheets of one ledger. */
export function extractRows(found: FoundSheet, index: TemplateIndex, fills: MergeFills = new MergeFills()): LedgerRow[] {
  const rows: LedgerRow[] = [];
  let current: string | undefined;
  const merged = new MergedAbove(found.sheet.merges);
  for (const r of sortedRows(found.grid)) {
    if (r <= found.headerRow) continue;
    const cells = rowCells(found, r);
    // A row is kept for what is written in it; a merge from above only completes it.
    if (Object.keys(cells).length === 0) continue;
    if (!merged.empty) fillFromMerges(found, merged, r, cells, fills);
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
