/**
 * Values merged down over several rows. Clerks often merge one 责任单位,
 * 责任人, 完成时限 or 状态 over the rows of several tasks; the value sits in
 * the merge's top cell and the cells under it are empty in the file, but the
 * clerk sees (and means) the value in every row. Only a merge's first column
 * carries its value.
 */
import { parseRange } from '../workbook/a1.js';
import type { LedgerCell } from './ledger-types.js';

export interface VerticalMerge {
  top: number;
  bottom: number;
  col: number;
  /** As written in the file, for messages. */
  range: string;
  /** The top cell as a ledger cell, made once and shared by every row under the merge (no copy per row). */
  value?: LedgerCell | null;
}

/**
 * Finds, for a cell, the merge that covers it from above; one per sheet. Merges are kept per column,
 * sorted and without overlaps (of two overlapping merges, which Excel never writes, the one starting
 * higher wins), so a cell is found by binary search: a sheet may have 10,000 merges and a million cells.
 */
export class MergedAbove {
  private readonly byColumn = new Map<number, VerticalMerge[]>();

  constructor(ranges: readonly string[]) {
    for (const text of ranges) {
      const range = parseRange(text);
      if (!range || range.to.row <= range.from.row) continue;
      const col = range.from.col;
      let list = this.byColumn.get(col);
      if (!list) this.byColumn.set(col, (list = []));
      list.push({ top: range.from.row, bottom: range.to.row, col, range: text });
    }
    for (const [col, list] of this.byColumn) {
      list.sort((a, b) => a.top - b.top);
      const kept: VerticalMerge[] = [];
      for (const m of list) if (kept.length === 0 || m.top > kept[kept.length - 1]!.bottom) kept.push(m);
      this.byColumn.set(col, kept);
    }
  }

  /** The merge that covers (row, col) from above, if the cell is under one (not its top). */
  covering(row: number, col: number): VerticalMerge | undefined {
    const list = this.byColumn.get(col);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found: VerticalMerge | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid]!;
      if (m.top < row) {
        found = m;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && row <= found.bottom ? found : undefined;
  }

  get empty(): boolean {
    return this.byColumn.size === 0;
  }
}

/** Characters the merges of one ledger may add to the rows under them, in all: far beyond any ledger a school fills in. */
export const MAX_MERGED_TEXT = 10_000_000;

/**
 * The text merges add to a ledger, counted once per row they fill: a value merged down 200,000 rows is shown
 * 200,000 times, by the checks, the results sent between threads and the summary's 明细. Past the limit no
 * more is filled and `over` names the merge, for the refusal.
 */
export class MergeFills {
  chars = 0;
  over?: { sheet: string; cell: string; range: string };
  constructor(readonly limit = MAX_MERGED_TEXT) {}

  /** Whether the value may fill one more row; counts it if so. */
  take(sheet: string, merge: VerticalMerge, value: LedgerCell): boolean {
    if (this.over) return false;
    this.chars += value.text.length;
    if (this.chars <= this.limit) return true;
    this.over = { sheet, cell: value.address, range: merge.range };
    return false;
  }
}
