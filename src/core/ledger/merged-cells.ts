/**
 * Values merged down over several rows. Clerks often merge one 责任单位,
 * 责任人, 完成时限 or 状态 over the rows of several tasks; the value sits in
 * the merge's top cell and the cells under it are empty in the file, but the
 * clerk sees (and means) the value in every row. Only a merge's first column
 * carries its value.
 */
import { parseRange } from '../workbook/a1.js';

interface VerticalMerge {
  top: number;
  bottom: number;
  col: number;
}

/** Finds, for a cell, the row whose value a merge shows in it; one per sheet. */
export class MergedAbove {
  private readonly merges: VerticalMerge[] = [];

  constructor(ranges: readonly string[]) {
    for (const text of ranges) {
      const range = parseRange(text);
      if (range && range.to.row > range.from.row) this.merges.push({ top: range.from.row, bottom: range.to.row, col: range.from.col });
    }
  }

  /** The top row of the merge that covers (row, col) from above, if the cell is under one. */
  topRow(row: number, col: number): number | undefined {
    for (const m of this.merges) if (m.col === col && m.top < row && row <= m.bottom) return m.top;
    return undefined;
  }

  get empty(): boolean {
    return this.merges.length === 0;
  }
}
