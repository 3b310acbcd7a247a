/**
 * A task table (任务分解表) read into the same `Plan` a text plan gives:
 * pillars, tasks, and the 责任单位 / 责任人 / 完成时限 prefills. Which column
 * was taken for what is reported per role (info), so the clerk can check it
 * and override it (`--columns`). The format readers (.xlsx, .csv, .docx)
 * only hand over `TableInput`s; everything here is pure.
 */
import { issue } from '../../issues.js';
import type { Issue, ParseResult, Pillar, Plan, PlanReading } from '../../model.js';
import { mostMentionedYear, yearInTitle } from '../header.js';
import { UniqueIds } from '../ids.js';
import { tidyText } from '../tidy.js';
import { findColumns, HEADER_SEARCH_ROWS, type ColumnMap } from './columns.js';
import { Grid, type TableInput } from './grid.js';
import { type ColumnChoice, type ColumnRole, ROLE_NAME, columnLetter } from './roles.js';
import { readRows, type PillarSource } from './rows.js';

export type { TableInput } from './grid.js';
export { parseColumnChoice, type ColumnChoice } from './roles.js';

export interface TableOptions {
  /** Title when no row above the header gives one (e.g. the text before a Word table, or the file name). */
  title?: string;
  choice?: ColumnChoice;
  fallbackYear?: number;
}

/** The text above the header: the table's title (`某某区教育局2025年工作要点任务分解表`). */
function titleAbove(grid: Grid, map: ColumnMap): string {
  for (let r = 0; r < map.headerRow; r++) {
    const texts = grid.distinctTexts(r);
    if (texts.length === 1 && /[\u4e00-\u9fff]/.test(texts[0]!) && !/^(附件|填报单位|单位)/.test(texts[0]!)) return tidyText(texts[0]!);
  }
  return '';
}

function pillarSourceText(source: PillarSource, column: number | undefined, header: string): string {
  const at = column === undefined ? '' : `第 ${columnLetter(column)} 列`;
  if (source === 'column') return `“${header}”列（${at}）`;
  if (source === 'merged') return `左侧合并的单元格（${at}）`;
  return '表格中单独成行的大项标题';
}

/** Where a table's messages point: the sheet (and cell) for a worksheet, just the row for a .csv or a Word table. */
type TableAt = { sheet?: string };

function columnIssues(map: ColumnMap, at: TableAt, firstRow: number): { issues: Issue[]; columns: NonNullable<PlanReading['columns']> } {
  const issues: Issue[] = [];
  const columns: NonNullable<PlanReading['columns']> = [];
  const line = firstRow + map.headerRow;
  for (const role of Object.keys(ROLE_NAME) as ColumnRole[]) {
    const col = map.roles[role];
    if (col === undefined) continue;
    const given = map.given.includes(role);
    const params = { column: columnLetter(col), header: map.headers[col] || '（无表头）', role: ROLE_NAME[role] };
    const where = at.sheet === undefined ? { line } : { ...at, line, cell: `${params.column}${line}` };
    issues.push(issue(given ? 'PLAN_TABLE_COLUMN_GIVEN' : 'PLAN_TABLE_COLUMN', 'info', where, params));
    columns.push({ role: ROLE_NAME[role], column: params.column, header: params.header, given });
  }
  for (const { role, column } of map.missing) {
    issues.push(issue('PLAN_TABLE_COLUMN_MISSING', 'error', at, { role: ROLE_NAME[role], column: columnLetter(column), count: map.headers.length }));
  }
  return { issues, columns };
}

export function tableToPlan(tables: readonly TableInput[], options: TableOptions = {}): ParseResult {
  let issues: Issue[] = [];
  const pillars: Pillar[] = [];
  let title = '';
  let columns: NonNullable<PlanReading['columns']> = [];
  const ids = new UniqueIds();
  const found = tables.map((input) => ({ input, grid: new Grid(input) })).map((t) => ({ ...t, map: findColumns(t.grid, options.choice) }));
  const readable = found.filter((t) => t.map !== undefined);
  for (const { input, grid, map } of readable) {
    if (!map) continue;
    const firstRow = input.firstRow ?? 1;
    const at: TableAt = input.sheet ? { sheet: input.name } : {};
    title ||= titleAbove(grid, map);
    if (map.roles.task === undefined && map.roles.content === undefined) {
      const headers = map.headers.filter(Boolean).map((h) => `“${h}”`).join('、');
      issues.push(issue('PLAN_TABLE_NO_TASK_COLUMN', 'error', { ...at, line: firstRow + map.headerRow }, { headers }));
      continue;
    }
    const reported = columnIssues(map, at, firstRow);
    issues = issues.concat(reported.issues);
    if (columns.length === 0) columns = reported.columns;
    const defaultPillar = readable.length > 1 ? input.name : title || options.title || '工作任务';
    const rows = readRows(grid, map, { firstRow, defaultPillar, at, pillarsBefore: pillars.length, ids });
    issues = issues.concat(rows.issues);
    const taken = rows.pillars;
    if (!taken.some((p) => p.tasks.length > 0)) {
      issues.push(issue('PLAN_TABLE_NO_ROWS', 'error', { ...at, line: firstRow + map.headerRow }, { row: firstRow + map.headerRow }));
      continue;
    }
    const header = map.roles.pillar !== undefined ? map.headers[map.roles.pillar] ?? '' : '';
    if (rows.pillarSource === 'none' && readable.length === 1) {
      issues.push(issue('PLAN_FLAT_LIST', 'info', at, { title: taken[0]!.title, count: taken[0]!.tasks.length }));
    } else {
      const source = rows.pillarSource === 'none' ? `${input.sheet ? '工作表' : '表格'}的名称“${input.name}”` : pillarSourceText(rows.pillarSource, rows.pillarColumn, header);
      issues.push(issue('PLAN_TABLE_PILLARS', 'info', at, { source, count: taken.length }));
    }
    for (const pillar of taken) {
      if (pillar.tasks.length === 0) issues.push(issue('PLAN_PILLAR_EMPTY', 'warning', { ...at, line: pillar.line }, { title: pillar.title }));
      pillars.push(pillar);
    }
  }
  if (readable.length === 0) {
    const first = tables[0];
    issues.push(issue('PLAN_TABLE_NO_HEADER', 'error', {}, { sheet: first?.name ?? '', rows: HEADER_SEARCH_ROWS }));
  }
  title ||= options.title ?? '';
  const year = yearInTitle(title) ?? mostMentionedYear(tables.map((t) => t.rows.map((r) => r.join(' ')).join('\n')).join('\n'));
  if (year === undefined && pillars.length > 0) issues.push(issue('PLAN_YEAR_GUESSED', 'warning', {}, { year: options.fallbackYear ?? new Date().getFullYear() }));
  const plan: Plan = { title, year: year ?? options.fallbackYear ?? new Date().getFullYear(), header: {}, pillars };
  return { plan, issues, reading: { columns } };
}
