/**
 * A table as every reader hands it over (a sheet of an .xlsx, a .csv, a table
 * in a .docx): cell texts by row and column and the merged ranges. Merged
 * ranges are filled with their top-left text, so a 类别 merged down the left
 * or a 工作任务 merged over its measures reads the same in every row, and the
 * mapping can still ask whether two cells belong to one merge.
 */

export interface CellRange {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface TableInput {
  /** The sheet's name, or `表格 1` for the first table of a document. */
  name: string;
  /** Cell texts, 0-based; rows may differ in length; '' for an empty cell. */
  rows: string[][];
  merges: CellRange[];
  /** Where row 0 is in the source, for messages: 1 for a sheet or a .csv (row 0 is row 1). */
  firstRow?: number;
  /** A worksheet: messages then name the sheet and the cell. */
  sheet?: boolean;
}

/** Limits that keep a hostile table cheap: a task table is a few hundred rows and a dozen columns. */
export const MAX_ROWS = 5000;
export const MAX_COLS = 40;

export class Grid {
  readonly rows: number;
  readonly cols: number;
  private readonly text: string[][];
  /** Index into `merges` per merged cell; merges are clipped to the grid first. */
  private readonly mergeOf = new Map<number, number>();
  readonly merges: CellRange[] = [];

  constructor(input: TableInput) {
    this.rows = Math.min(input.rows.length, MAX_ROWS);
    let cols = 0;
    for (let r = 0; r < this.rows; r++) cols = Math.max(cols, input.rows[r]!.length);
    this.cols = Math.min(cols, MAX_COLS);
    this.text = [];
    for (let r = 0; r < this.rows; r++) {
      const row = input.rows[r]!;
      const cells: string[] = [];
      for (let c = 0; c < this.cols; c++) cells.push((row[c] ?? '').replace(/\r\n?/g, '\n').trim());
      this.text.push(cells);
    }
    // Overlapping merges (a hostile file) could fill the grid many times over: stop at one grid's worth.
    let budget = this.rows * this.cols;
    for (const merge of input.merges) {
      const clipped = { top: merge.top, left: merge.left, bottom: Math.min(merge.bottom, this.rows - 1), right: Math.min(merge.right, this.cols - 1) };
      if (clipped.top > clipped.bottom || clipped.left > clipped.right || clipped.top < 0 || clipped.left < 0) continue;
      budget -= (clipped.bottom - clipped.top + 1) * (clipped.right - clipped.left + 1);
      if (budget < 0) break;
      const index = this.merges.push(clipped) - 1;
      const value = this.text[clipped.top]![clipped.left]!;
      for (let r = clipped.top; r <= clipped.bottom; r++) {
        for (let c = clipped.left; c <= clipped.right; c++) {
          this.mergeOf.set(r * MAX_COLS + c, index);
          this.text[r]![c] = value;
        }
      }
    }
  }

  cell(row: number, col: number): string {
    return this.text[row]?.[col] ?? '';
  }

  /** The merged range a cell belongs to, if any. */
  merge(row: number, col: number): CellRange | undefined {
    const index = this.mergeOf.get(row * MAX_COLS + col);
    return index === undefined ? undefined : this.merges[index];
  }

  /** Distinct non-empty texts in a row, merged cells counted once. */
  distinctTexts(row: number): string[] {
    const seen: string[] = [];
    for (let c = 0; c < this.cols; c++) {
      const t = this.cell(row, c);
      if (t && !seen.includes(t)) seen.push(t);
    }
    return seen;
  }
}
