/**
 * A school that sent more than one readable file: which one counts, and what
 * changed between them, so the bureau can see what the later file corrected.
 */
import type { Ledger, LedgerRow } from '../ledger/ledger-types.js';
import { UNIT_FIELDS } from '../template/instructions-sheet.js';
import { PILLAR_COLUMNS } from '../template/pillar-sheet.js';
import type { ColumnKey } from '../template/constants.js';
import type { ChangeRow, FileInfo, RollupTask } from './types.js';
import { deadlineOf, type ReadContext } from './task-states.js';

export interface ReadFile {
  file: string;
  fileTime?: string;
  ledger: Ledger;
  info: FileInfo;
  ctx: ReadContext;
}

/** 填报单位 etc. as shown; 填报日期 also as a calendar day when it is a date cell or text read as one day. */
export function fileInfo(ledger: Ledger, ctx: ReadContext): FileInfo {
  const text = (key: (typeof UNIT_FIELDS)[number]['key']) => ledger.info[key]?.text ?? '';
  const date = deadlineOf(ledger.info.date, ctx);
  return {
    unit: text('unit'),
    reporter: text('reporter'),
    phone: text('phone'),
    date: text('date'),
    ...(date.kind === 'date' && date.precision === 'day' ? { dateIso: date.date } : {}),
  };
}

function timeOf(iso: string | undefined): number {
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * Most recent first: the later 填报日期 (a file without one counts as oldest),
 * then the later file time, then the file name later in code-point order —
 * plain code points, not the locale, so every machine picks the same file.
 */
export function byRecency(a: ReadFile, b: ReadFile): number {
  const da = a.info.dateIso ?? '';
  const db = b.info.dateIso ?? '';
  if (da !== db) return da < db ? 1 : -1;
  const ta = timeOf(a.fileTime);
  const tb = timeOf(b.fileTime);
  if (ta !== tb) return ta < tb ? 1 : -1;
  return a.file === b.file ? 0 : a.file < b.file ? 1 : -1;
}

/** The columns a school writes in (序号 and the hidden id never change meaningfully). */
const COMPARED: readonly ColumnKey[] = PILLAR_COLUMNS.map((c) => c.key).filter((k) => k !== 'taskId' && k !== 'seq');
const HEADER = new Map(PILLAR_COLUMNS.map((c) => [c.key, c.header]));

/** Rows keyed so the same row of two versions meets: the task row, the n-th row inserted under it, the n-th unmatched row. */
function keyedRows(ledger: Ledger): Map<string, LedgerRow> {
  const rows = new Map<string, LedgerRow>();
  const counts = new Map<string, number>();
  for (const row of ledger.rows) {
    const base = row.kind === 'task' ? `T:${row.taskId}` : row.kind === 'extra' ? `E:${row.taskId}` : 'O';
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    rows.set(row.kind === 'task' ? base : `${base}:${n}`, row);
  }
  return rows;
}

function rowLabel(key: string, tasks: ReadonlyMap<string, RollupTask>): string {
  const [kind, id, n] = key.split(':');
  if (kind === 'O') return `其他行 ${id}`;
  const task = tasks.get(id ?? '');
  const name = task ? `${task.no}. ${task.title}` : (id ?? '');
  return kind === 'E' ? `${name}（插入行 ${n}）` : name;
}

/** Row keys in a stable order: plan task order, each task row before its inserted rows, unmatched rows last. */
function orderedKeys(keys: Iterable<string>, tasks: readonly RollupTask[]): string[] {
  const rank = new Map(tasks.map((t, i) => [t.id, i]));
  const sortKey = (key: string): [number, number, number] => {
    const [kind, id, n] = key.split(':');
    if (kind === 'O') return [Infinity, 0, Number(id)];
    return [rank.get(id ?? '') ?? tasks.length, kind === 'T' ? 0 : 1, Number(n ?? 0)];
  };
  return [...new Set(keys)].sort((a, b) => {
    const [a1, a2, a3] = sortKey(a);
    const [b1, b2, b3] = sortKey(b);
    return a1 - b1 || a2 - b2 || a3 - b3 || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/** Every 填报说明 field and every task/column whose text differs between the superseded file and the adopted one. */
export function changesBetween(school: string, kept: ReadFile, old: ReadFile, tasks: readonly RollupTask[]): ChangeRow[] {
  const base = { school, keptFile: kept.file, supersededFile: old.file };
  const changes: ChangeRow[] = [];
  for (const field of UNIT_FIELDS) {
    const before = old.info[field.key];
    const after = kept.info[field.key];
    if (before !== after) changes.push({ ...base, task: '填报说明', column: field.label, old: before, new: after });
  }
  const oldRows = keyedRows(old.ledger);
  const newRows = keyedRows(kept.ledger);
  const taskMap = new Map(tasks.map((t) => [t.id, t]));
  for (const key of orderedKeys([...oldRows.keys(), ...newRows.keys()], tasks)) {
    const before = oldRows.get(key);
    const after = newRows.get(key);
    for (const column of COMPARED) {
      const a = before?.cells[column]?.text ?? '';
      const b = after?.cells[column]?.text ?? '';
      if (a !== b) changes.push({ ...base, task: rowLabel(key, taskMap), column: HEADER.get(column) ?? column, old: a, new: b });
    }
  }
  return changes;
}
