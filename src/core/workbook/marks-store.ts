/**
 * What a mark replaced, kept in a very hidden sheet of the workbook itself
 * (works from ExcelApi 1.1, travels with the file, survives closing the
 * pane), so 清除标记 can put back exactly what was there. Pure rows ↔ records.
 */
export const MARKS_SHEET_NAME = '_taizhang_marks';
/** The light orange used for problem cells. */
export const MARK_COLOR = '#FFC000';

export interface MarkRecord {
  sheet: string;
  cell: string;
  /** The fill colour before marking, `#RRGGBB`. */
  color: string;
  /** `None` when the cell had no fill (ExcelApi 1.9); '' when this Excel cannot tell. */
  pattern: string;
  /** Whether we added a comment to the cell. */
  comment: boolean;
  /**
   * Written as '' and not read: earlier versions kept the protection options here and restored them as remembered,
   * which fails once the user has changed the protection; it is now taken from the sheet as it is (marks-read.ts).
   */
  protection: string;
}

export const MARKS_HEADER = ['sheet', 'cell', 'color', 'pattern', 'comment', 'protection'];

export function recordsToRows(records: readonly MarkRecord[]): string[][] {
  return [MARKS_HEADER, ...records.map((r) => [r.sheet, r.cell, r.color, r.pattern, r.comment ? '1' : '0', r.protection])];
}

/** Rows read back; anything that does not look like ours is ignored rather than trusted. */
export function rowsToRecords(rows: readonly unknown[][]): MarkRecord[] {
  if (MARKS_HEADER.some((h, i) => rows[0]?.[i] !== h)) return [];
  return rows.slice(1).flatMap((row) => {
    const [sheet, cell, color, pattern, comment, protection] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!sheet || !cell || !/^[A-Z]+\d+$/.test(cell)) return [];
    return [{ sheet, cell, color: color ?? '', pattern: pattern ?? '', comment: comment === '1', protection: protection ?? '' }];
  });
}

/** Whether the old fill is "no fill": known from the pattern, else guessed from white (Excel before 1.9 reports no fill as white). */
export function hadNoFill(record: Pick<MarkRecord, 'color' | 'pattern'>): boolean {
  if (record.pattern) return record.pattern === 'None';
  return record.color.toUpperCase() === '#FFFFFF' || record.color === '';
}

/** `'a''b'!$C$3`, `a'b!C3` → `a'b!C3`: one key for a cell however Excel or we quoted it. */
export function cellKey(address: string): string {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return `${sheet}!${address.slice(bang + 1).replace(/\$/g, '')}`;
}

export const recordKey = (r: Pick<MarkRecord, 'sheet' | 'cell'>) => `${r.sheet}!${r.cell}`;

/**
 * What the store must hold while a mark request runs: every old record (its
 * cell may not be restored yet if the request stops half way) and every new
 * one. A cell marked before keeps its first record: the fill Excel reports
 * for it now is our own mark colour, not what was there.
 */
export function mergeRecords(old: readonly MarkRecord[], fresh: readonly MarkRecord[]): { fresh: MarkRecord[]; union: MarkRecord[] } {
  const before = new Map(old.map((r) => [recordKey(r), r]));
  const merged = fresh.map((r) => {
    const first = before.get(recordKey(r));
    return first ? { ...r, color: first.color, pattern: first.pattern } : r;
  });
  const marked = new Set(merged.map(recordKey));
  return { fresh: merged, union: [...old.filter((r) => !marked.has(recordKey(r))), ...merged] };
}
