/**
 * What a new ledger can be generated with already written in: the values a
 * school submitted last round (see core/ledger/carry-forward). The template's
 * identity never depends on it, so a prefilled ledger rolls up with the blank one.
 */
import { excelSerialFromIso } from '../workbook/serial-dates.js';
import type { CellValue } from '../workbook/spec.js';
import type { ColumnKey } from './constants.js';

/** The columns a school fills in; only these are carried into a task's own row. */
export const FILLED_KEYS = ['measures', 'unit', 'owner', 'deadline', 'progress', 'status', 'remark'] as const;
export type FilledKey = (typeof FILLED_KEYS)[number];

/** Text stays text (a `=…` or `2024-06-30` typed as text is written as a plain string); a real date stays a date. */
export type PrefillValue = string | number | { date: string };

export type PrefillRow = Partial<Record<ColumnKey, PrefillValue>>;

export interface LedgerPrefill {
  /** 填报单位, 填报人 and 联系电话 on the 填报说明 sheet (填报日期 is the new round's own). */
  cover?: { unit?: string; reporter?: string; phone?: string };
  /** By task id: the school's values in the task's row. */
  tasks?: ReadonlyMap<string, Partial<Record<FilledKey, PrefillValue>>>;
  /** By task id: the rows the school inserted under it, in order. */
  extras?: ReadonlyMap<string, readonly PrefillRow[]>;
}

/** The cell value to write: a date as its 1900-system serial (the writer's), shown by a date style. */
export function prefillCellValue(value: PrefillValue): CellValue {
  return typeof value === 'object' ? (excelSerialFromIso(value.date) ?? value.date) : value;
}

export function isPrefillDate(value: PrefillValue | undefined): value is { date: string } {
  return typeof value === 'object' && value !== null;
}
