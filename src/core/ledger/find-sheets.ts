/**
 * Finds the pillar sheets of a submission and their header rows. The hidden
 * metadata and the workbook names (which Excel and LibreOffice keep up to date
 * when a sheet is renamed) come first; header matching is the fallback.
 */
import { INSTRUCTIONS_SHEET_NAME, META_SHEET_NAME, PILLAR_NAME_PREFIX, type ColumnKey } from '../template/constants.js';
import type { DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot.js';
import { matchKey } from './cell-text.js';
import { gridOf, type Grid } from './grid.js';
import type { WorkbookMeta } from './read-meta.js';
import type { TemplateIndex } from './template-index.js';

/** Headers are looked for in the first rows only: the template has a title row above them. */
const HEADER_SEARCH_ROWS = 10;
/** A row is a header when it names the task column and at least this many known columns. */
const MIN_HEADER_COLUMNS = 3;

export interface FoundSheet {
  sheet: SheetSnapshot;
  grid: Grid;
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** Pillar index in the plan, when the metadata or names say which pillar this is. */
  pillarIndex?: number;
}

export function findHeader(grid: Grid, index: TemplateIndex): Pick<FoundSheet, 'headerRow' | 'columns'> | undefined {
  for (let r = 1; r <= HEADER_SEARCH_ROWS; r++) {
    const row = grid.get(r);
    if (!row) continue;
    const columns: Partial<Record<ColumnKey, number>> = {};
    for (const [col, cell] of [...row.entries()].sort((a, b) => a[0] - b[0])) {
      if (typeof cell.value !== 'string') continue;
      const key = index.headers.get(matchKey(cell.value));
      if (key && columns[key] === undefined) columns[key] = col;
    }
    if (columns.task !== undefined && Object.keys(columns).length >= MIN_HEADER_COLUMNS) return { headerRow: r, columns };
  }
  return undefined;
}

/** `'一、加强政治建设'!$A$1` → `一、加强政治建设`. */
export function sheetOfReference(ref: string): string | undefined {
  const match = /^(?:'((?:[^']|'')+)'|([^!'][^!]*))!/.exec(ref.trim());
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
}

function pillarSheetByName(names: DefinedNameSnapshot[], pillarIndex: number): string | undefined {
  const wanted = `${PILLAR_NAME_PREFIX}${pillarIndex + 1}`;
  const name = names.find((n) => n.name === wanted && n.localSheet === undefined);
  return name ? sheetOfReference(name.ref) : undefined;
}

/** Sheet name each pillar lives on, by workbook name first, then by the metadata's record of where tasks were put. */
function metaSheetNames(workbook: WorkbookSnapshot, meta: WorkbookMeta, index: TemplateIndex): Map<string, number> {
  const existing = new Set(workbook.sheets.map((s) => s.name));
  const result = new Map<string, number>();
  index.sheetNames.forEach((generated, pillarIndex) => {
    const byName = pillarSheetByName(workbook.definedNames, pillarIndex);
    const byMeta = meta.tasks.find((t) => index.tasksById.get(t.taskId)?.pillarIndex === pillarIndex)?.sheetName;
    const name = [byName, byMeta, generated].find((n) => n !== undefined && existing.has(n));
    if (name !== undefined && !result.has(name)) result.set(name, pillarIndex);
  });
  return result;
}

export interface SheetSearch {
  found: FoundSheet[];
  /**
   * Sheets with a task table that the metadata does not place: a sheet renamed by a program that did not
   * update the workbook names, or a copy a school made. The caller decides by their rows.
   */
  unplaced: FoundSheet[];
}

export function findPillarSheets(workbook: WorkbookSnapshot, index: TemplateIndex, meta: WorkbookMeta | undefined): SheetSearch {
  const known = meta ? metaSheetNames(workbook, meta, index) : new Map<string, number>();
  const found: FoundSheet[] = [];
  const unplaced: FoundSheet[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.name === META_SHEET_NAME || sheet.name === INSTRUCTIONS_SHEET_NAME) continue;
    const grid = gridOf(sheet);
    const header = findHeader(grid, index);
    if (!header) continue;
    const pillarIndex = known.get(sheet.name);
    if (meta && pillarIndex === undefined) unplaced.push({ sheet, grid, ...header });
    else found.push({ sheet, grid, ...header, ...(pillarIndex !== undefined ? { pillarIndex } : {}) });
  }
  return { found, unplaced };
}
