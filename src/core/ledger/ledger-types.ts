/**
 * A filled-in ledger as plain data: what a school wrote, task by task, with
 * the sheet and cell of every value. Extracted from a workbook snapshot by
 * `extractLedger`; validated and rolled up from here on, never re-read.
 */
import type { ColumnKey } from '../template/constants.js';
import type { UnitFieldKey } from '../template/instructions-sheet.js';
import type { CellType } from '../workbook/snapshot.js';

export interface LedgerCell {
  sheet: string;
  /** A1 address, e.g. `G5`. */
  address: string;
  type: CellType;
  /** The value as read: text, number, boolean, or the serial of a date cell. */
  value: string | number | boolean;
  /** The value as a clerk sees it: trimmed of ordinary and full-width spaces; dates as `YYYY-MM-DD`. */
  text: string;
  /** Date cells: the calendar date. */
  iso?: string;
  /** The formula without `=`, when the value is a formula's cached result. */
  formula?: string;
}

export type LedgerCells = Partial<Record<ColumnKey, LedgerCell>>;

/**
 * - `task`: the row that carries a task of the plan.
 * - `extra`: a row a school inserted under a task (more measures for the same task); `taskId` is that task's.
 * - `orphan`: a filled row that belongs to no task of the plan.
 */
export type LedgerRowKind = 'task' | 'extra' | 'orphan';

export interface LedgerRow {
  kind: LedgerRowKind;
  taskId?: string;
  sheet: string;
  /** 1-based row number in the sheet as submitted. */
  row: number;
  cells: LedgerCells;
}

export interface LedgerSheet {
  name: string;
  pillarNo?: number;
  headerRow: number;
  /** 1-based column of each key found in the header. */
  columns: Partial<Record<ColumnKey, number>>;
}

/** How the pillar sheets and task rows were found. */
export type LedgerMatch = 'metadata' | 'headers';

export interface Ledger {
  templateId?: string;
  templateVersion?: number;
  matchedBy: LedgerMatch;
  /** 填报单位, 填报人, 联系电话, 填报日期 as found on the 填报说明 sheet. */
  info: Partial<Record<UnitFieldKey, LedgerCell>>;
  /** Where each unit field was looked for, so a missing value can still point at its cell. */
  infoCells: Partial<Record<UnitFieldKey, { sheet: string; address: string }>>;
  sheets: LedgerSheet[];
  rows: LedgerRow[];
}
