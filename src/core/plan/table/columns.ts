/**
 * Finds a task table's header row and which column holds what. The header is
 * the first of the top rows that names at least two known columns, one of
 * them the task or its content. A two-row header (`责任单位` merged over
 * `牵头单位 | 配合单位`) takes its roles from the lower row where it names them.
 * The clerk's choice (`--columns`) is applied last and wins.
 */
import type { Grid } from './grid.js';
import { type ColumnChoice, type ColumnRole, roleOfHeader } from './roles.js';

/** How far down a header may be: a title, a 填报单位 line and a blank row often come first. */
export const HEADER_SEARCH_ROWS = 15;

export interface ColumnMap {
  /** The header row (the upper one of a two-row header). */
  headerRow: number;
  /** The first row after the header. */
  dataStart: number;
  roles: Partial<Record<ColumnRole, number>>;
  /** Header text per column ('' when none), the lower row's where it named the role. */
  headers: string[];
  /** Roles whose column the clerk chose. */
  given: ColumnRole[];
  /** Columns the clerk named that the table does not have. */
  missing: { role: ColumnRole; column: number }[];
  /** Roles the clerk said the table has no column for (`类别=无`). */
  none: ColumnRole[];
}

function rolesOfRow(grid: Grid, row: number): Map<number, ColumnRole> {
  const roles = new Map<number, ColumnRole>();
  const taken = new Set<ColumnRole>();
  for (let c = 0; c < grid.cols; c++) {
    const merge = grid.merge(row, c);
    if (merge && merge.left !== c) continue; // a header merged across columns names the first one
    const role = roleOfHeader(grid.cell(row, c));
    if (role && !taken.has(role)) {
      roles.set(c, role);
      taken.add(role);
    }
  }
  return roles;
}

function isHeader(roles: Map<number, ColumnRole>): boolean {
  const kinds = new Set(roles.values());
  return (kinds.size >= 2 && (kinds.has('task') || kinds.has('content'))) || kinds.size >= 3;
}

/** The row below the header names roles under a header merged across columns: `牵头单位 | 配合单位`. */
function subHeader(grid: Grid, header: number, roles: Map<number, ColumnRole>): boolean {
  const below = header + 1;
  if (below >= grid.rows) return false;
  let named = 0;
  for (let c = 0; c < grid.cols; c++) {
    const text = grid.cell(below, c);
    if (!text) continue;
    const upper = grid.merge(header, c);
    const spans = upper !== undefined && upper.left !== upper.right;
    const vertical = grid.merge(below, c)?.top === header;
    if (vertical) continue; // `序号` merged down over both header rows
    const role = roleOfHeader(text);
    if (!role || !spans) return false;
    named++;
  }
  if (named === 0) return false;
  for (let c = 0; c < grid.cols; c++) {
    const role = grid.merge(below, c)?.top === header ? undefined : roleOfHeader(grid.cell(below, c));
    if (!role) continue;
    for (const [col, r] of roles) if (r === role) roles.delete(col);
    roles.set(c, role);
  }
  return true;
}

export function findColumns(grid: Grid, choice: ColumnChoice = {}): ColumnMap | undefined {
  let headerRow = -1;
  let roles = new Map<number, ColumnRole>();
  for (let r = 0; r < Math.min(grid.rows, HEADER_SEARCH_ROWS); r++) {
    const found = rolesOfRow(grid, r);
    if (isHeader(found)) {
      headerRow = r;
      roles = found;
      break;
    }
  }
  if (headerRow < 0) return undefined;
  const twoRows = subHeader(grid, headerRow, roles);
  const headers: string[] = [];
  for (let c = 0; c < grid.cols; c++) {
    const lower = twoRows ? grid.cell(headerRow + 1, c) : '';
    headers.push((roleOfHeader(lower) ? lower : grid.cell(headerRow, c)).replace(/\s+/g, ''));
  }
  const byRole: Partial<Record<ColumnRole, number>> = {};
  for (const [col, role] of roles) byRole[role] = col;
  const given: ColumnRole[] = [];
  const missing: { role: ColumnRole; column: number }[] = [];
  const none: ColumnRole[] = [];
  for (const [role, column] of Object.entries(choice) as [ColumnRole, number | null][]) {
    delete byRole[role];
    if (column === null) {
      none.push(role);
      continue;
    }
    if (column >= grid.cols) {
      missing.push({ role, column });
      continue;
    }
    for (const [other, col] of Object.entries(byRole) as [ColumnRole, number][]) if (col === column) delete byRole[other];
    byRole[role] = column;
    given.push(role);
  }
  return { headerRow, dataStart: headerRow + (twoRows ? 2 : 1), roles: byRole, headers, given, missing, none };
}
