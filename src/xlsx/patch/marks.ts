/**
 * Which cells of which sheets the annotated copy marks, and what their notes
 * say. One mark per cell, coloured by the worst problem there. A problem
 * reported at a cell hidden under a merge (where a value would be, in a
 * merged column) is marked on the merge's top-left cell, the one the clerk
 * sees; nothing else is moved.
 */
import { messageFor, SEVERITY_ZH } from '../../core/issues.js';
import type { Issue, Severity } from '../../core/model.js';
import { cellRef, parseCellRef, parseRange } from '../../core/workbook/a1.js';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot.js';

export interface CellMark {
  row: number;
  col: number;
  /** A1 address (`F3`). */
  ref: string;
  severity: Severity;
  /** One line per problem at the cell: `【错误】…`. */
  lines: string[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

type Range = NonNullable<ReturnType<typeof parseRange>>;

/** The top-left cell of the merge covering (row, col), or the cell itself. */
function shownCell(merges: readonly Range[], row: number, col: number): { row: number; col: number } {
  for (const range of merges) {
    if (range.from.row <= row && row <= range.to.row && range.from.col <= col && col <= range.to.col) return range.from;
  }
  return { row, col };
}

/** Marks by sheet name, each sheet's in row then column order. Problems without a sheet and a valid cell mark nothing. */
export function planMarks(issues: readonly Issue[], workbook: WorkbookSnapshot): Map<string, CellMark[]> {
  const bySheet = new Map<string, Map<string, CellMark>>();
  const merges = new Map<string, Range[]>();
  const mergesOf = (name: string): Range[] => {
    let ranges = merges.get(name);
    if (!ranges) {
      ranges = [];
      for (const m of workbook.sheets.find((s) => s.name === name)?.merges ?? []) {
        const range = parseRange(m);
        if (range) ranges.push(range);
      }
      merges.set(name, ranges);
    }
    return ranges;
  };
  for (const item of issues) {
    const { sheet, cell } = item.where;
    const at = sheet && cell ? parseCellRef(cell) : undefined;
    if (!sheet || !at) continue;
    const { row, col } = shownCell(mergesOf(sheet), at.row, at.col);
    const ref = cellRef(col, row);
    let marks = bySheet.get(sheet);
    if (!marks) bySheet.set(sheet, (marks = new Map()));
    let mark = marks.get(ref);
    if (!mark) marks.set(ref, (mark = { row, col, ref, severity: item.severity, lines: [] }));
    if (RANK[item.severity] > RANK[mark.severity]) mark.severity = item.severity;
    mark.lines.push(`【${SEVERITY_ZH[item.severity]}】${messageFor(item.code, item.params)}`);
  }
  const out = new Map<string, CellMark[]>();
  for (const [sheet, marks] of bySheet) out.set(sheet, [...marks.values()].sort((a, b) => a.row - b.row || a.col - b.col));
  return out;
}
