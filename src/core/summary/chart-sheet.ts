/**
 * 图表: the two charts a bureau head reads at a glance, on one A4 landscape
 * page: completion rate by school (horizontal bars, highest first) and the
 * 红/黄/绿/未填 counts by pillar (stacked bars). Both are native charts drawn
 * from the two tables under them, so Excel, WPS and LibreOffice draw and print
 * them, and the numbers stay on paper beside the picture. Each stacked segment
 * is labelled with its state and count (e.g. `红 3`): it reads in black and white.
 */
import { cellRef, columnLetter, rangeRef } from '../workbook/a1.js';
import { printSetup } from '../template/print-setup.js';
import { estimateRowHeight } from '../template/row-height.js';
import { HEADING_FONT } from '../template/styles.js';
import type { CellSpec, ChartSpec, RowSpec, SheetSpec } from '../workbook/spec.js';
import { SUMMARY_BODY_SIZE, SUMMARY_STYLE, type SummaryStyleName } from './summary-styles.js';

export const CHART_SHEET_NAME = '图表';

export interface ChartSheetInput {
  /** Completion rate as a fraction (0.85 = 85%); a school without a rate (no task due yet) is listed last, without a bar. */
  schools: { name: string; rate: number }[];
  pillars: { title: string; red: number; yellow: number; green: number; unfilled: number }[];
  planTitle?: string;
  asOf?: string;
}

/** Left block: the school chart over the school table; a narrow gap; right block: the pillar chart over the pillar table. */
const COLUMNS: { key: string; header: string; width: number }[] = [
  { key: 'rank', header: '名次', width: 6 },
  { key: 'school', header: '学校', width: 24 },
  { key: 'rate', header: '完成率', width: 10 },
  { key: 'l1', header: '', width: 8 },
  { key: 'l2', header: '', width: 8 },
  { key: 'l3', header: '', width: 8 },
  { key: 'gap', header: '', width: 3 },
  { key: 'pillar', header: '板块', width: 24 },
  { key: 'red', header: '红', width: 7 },
  { key: 'yellow', header: '黄', width: 7 },
  { key: 'green', header: '绿', width: 7 },
  { key: 'unfilled', header: '未填', width: 7 },
  { key: 'total', header: '合计', width: 7 },
];
const LEFT = { first: 1, last: 6 };
const RIGHT = { first: 8, last: 13 };
const STATES = [
  { key: 'red', name: '红', color: 'E05555' },
  { key: 'yellow', name: '黄', color: 'F4B400' },
  { key: 'green', name: '绿', color: '6AA84F' },
  { key: 'unfilled', name: '未填', color: 'C8C8C8' },
] as const;

/** Chart rows are this tall; the charts' height is a whole number of them. */
const CHART_ROW_PT = 20;
/** Both charts and the title fit on the first A4 landscape page (about 480 pt high inside the margins). */
const CHART_MIN_PT = 240;
const CHART_MAX_PT = 380;

const finite = (rate: number): boolean => Number.isFinite(rate);

/** Highest rate first, ties in the given (roster) order, schools without a rate last; ties share a rank (1, 1, 3). */
export function rankSchools(schools: ChartSheetInput['schools']): { name: string; rate: number; rank: number | null }[] {
  const sorted = schools
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => (finite(b.rate) ? b.rate : -Infinity) - (finite(a.rate) ? a.rate : -Infinity) || a.i - b.i);
  let rank = 0;
  return sorted.map((s, i) => {
    if (!finite(s.rate)) return { name: s.name, rate: s.rate, rank: null };
    if (i === 0 || s.rate !== sorted[i - 1]!.rate) rank = i + 1;
    return { name: s.name, rate: s.rate, rank };
  });
}

/** Room a chart takes around its bars: title, value axis, legend. */
const CHART_FRAME_PT = 90;

/** Bars of about 16 pt per school and 30 pt per pillar, within one page. */
function chartRows(input: ChartSheetInput): number {
  const wanted = Math.max(input.schools.length * 16 + CHART_FRAME_PT, input.pillars.length * 30 + CHART_FRAME_PT + 20);
  return Math.ceil(Math.min(CHART_MAX_PT, Math.max(CHART_MIN_PT, wanted)) / CHART_ROW_PT);
}

/** Names 9 pt, smaller when the bars are closer than that (all are named), never under 6 pt. */
function categorySize(count: number, rows: number): number {
  const slot = (rows * CHART_ROW_PT - CHART_FRAME_PT) / Math.max(count, 1);
  return Math.max(6, Math.min(9, Math.floor(slot * 0.85)));
}

const cell = (col: number, value: CellSpec['value'], style: SummaryStyleName): CellSpec => ({ col, value, style });

function widthOf(first: number, last: number): number {
  return COLUMNS.slice(first - 1, last).reduce((w, c) => w + c.width, 0);
}

/** A row of both tables side by side: its height fits the longer of the two wrapped names. */
function tableRow(row: number, cells: CellSpec[]): RowSpec {
  const measured = cells
    .filter((c) => typeof c.value === 'string')
    .map((c) => ({ text: String(c.value), widthChars: COLUMNS[c.col - 1]!.width, fontSize: SUMMARY_BODY_SIZE }));
  return { row, height: estimateRowHeight(measured, 18), cells };
}

function schoolCells(school: ReturnType<typeof rankSchools>[number] | undefined): CellSpec[] {
  if (!school) return [];
  return [
    cell(1, school.rank ?? '—', SUMMARY_STYLE.center),
    cell(2, school.name, SUMMARY_STYLE.text),
    cell(3, finite(school.rate) ? school.rate : '无应完成任务', finite(school.rate) ? SUMMARY_STYLE.rate : SUMMARY_STYLE.center),
  ];
}

function pillarCells(pillar: ChartSheetInput['pillars'][number] | undefined): CellSpec[] {
  if (!pillar) return [];
  const total = pillar.red + pillar.yellow + pillar.green + pillar.unfilled;
  return [
    cell(8, pillar.title, SUMMARY_STYLE.text),
    ...STATES.map((s, i) => cell(9 + i, pillar[s.key], SUMMARY_STYLE.center)),
    cell(13, total, SUMMARY_STYLE.total),
  ];
}

function schoolChart(first: number, last: number, rows: number): ChartSpec {
  return {
    kind: 'bar',
    title: '各校完成率（由高到低）',
    categories: rangeRef(2, first, 2, last),
    series: [{ name: '完成率', values: rangeRef(3, first, 3, last), color: '4472C4' }],
    anchor: { from: { col: LEFT.first, row: 3 }, to: { col: LEFT.last, row: 2 + rows } },
    valueFormat: '0%',
    valueMin: 0,
    valueMax: 1,
    font: HEADING_FONT,
    categoryFontSize: categorySize(last - first + 1, rows),
  };
}

function pillarChart(first: number, last: number, rows: number): ChartSpec {
  return {
    kind: 'stackedBar',
    title: '各板块任务状态（红/黄/绿/未填，项）',
    categories: rangeRef(8, first, 8, last),
    series: STATES.map((s, i) => ({ name: s.name, values: rangeRef(9 + i, first, 9 + i, last), color: s.color })),
    anchor: { from: { col: RIGHT.first, row: 3 }, to: { col: RIGHT.last, row: 2 + rows } },
    valueFormat: '0',
    valueMin: 0,
    font: HEADING_FONT,
    categoryFontSize: categorySize(last - first + 1, rows),
  };
}

function subtitle(input: ChartSheetInput): string {
  return (
    (input.asOf ? `截至 ${input.asOf}：` : '') +
    '左图为各校完成率，由高到低；右图为各板块任务的红、黄、绿、未填项数，每段标有状态和项数。图中数据即下方两表。'
  );
}

export function chartSheet(input: ChartSheetInput): SheetSpec {
  const last = COLUMNS.length;
  const title = input.planTitle ? `${input.planTitle} 完成情况图表` : '完成情况图表';
  const chartHeight = chartRows(input);
  const rows: RowSpec[] = [
    { row: 1, height: 30, cells: [cell(1, title, SUMMARY_STYLE.title)] },
    {
      row: 2,
      height: estimateRowHeight([{ text: subtitle(input), widthChars: widthOf(1, last), fontSize: SUMMARY_BODY_SIZE }], 20),
      cells: [cell(1, subtitle(input), SUMMARY_STYLE.subtitle)],
    },
  ];
  for (let r = 3; r < 3 + chartHeight; r++) rows.push({ row: r, height: CHART_ROW_PT, cells: [] });
  const caption = 3 + chartHeight + 1;
  const header = caption + 1;
  const merges = [`A1:${columnLetter(last)}1`, `A2:${columnLetter(last)}2`, rangeRef(LEFT.first, caption, LEFT.last, caption), rangeRef(RIGHT.first, caption, RIGHT.last, caption)];
  rows.push({
    row: caption,
    height: 22,
    cells: [cell(LEFT.first, '表1 各校完成率（由高到低）', SUMMARY_STYLE.section), cell(RIGHT.first, '表2 各板块任务状态（项）', SUMMARY_STYLE.section)],
  });
  const headed = COLUMNS.flatMap((c, i) => (c.header ? [cell(i + 1, c.header, SUMMARY_STYLE.header)] : []));
  rows.push(tableRow(header, headed));

  const schools = rankSchools(input.schools);
  const bodyRows = Math.max(schools.length, input.pillars.length, 1);
  for (let i = 0; i < bodyRows; i++) {
    const cells = [...schoolCells(schools[i]), ...pillarCells(input.pillars[i])];
    if (i === 0 && schools.length === 0) cells.push(cell(2, '（尚无学校）', SUMMARY_STYLE.muted));
    if (i === 0 && input.pillars.length === 0) cells.push(cell(8, '（尚无板块）', SUMMARY_STYLE.muted));
    rows.push(tableRow(header + 1 + i, cells.sort((a, b) => a.col - b.col)));
  }
  const first = header + 1;
  const charts: ChartSpec[] = [];
  // A chart over no cells would be an empty frame, or one Excel repairs: none is drawn, the table says why.
  if (schools.length > 0) charts.push(schoolChart(first, first + schools.length - 1, chartHeight));
  if (input.pillars.length > 0) charts.push(pillarChart(first, first + input.pillars.length - 1, chartHeight));
  const lastRow = header + bodyRows;
  return {
    name: CHART_SHEET_NAME,
    kind: 'summary',
    state: 'visible',
    columns: COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width, locked: true, wrap: true, hidden: false })),
    rows,
    merges,
    validations: [],
    conditionalFormats: [],
    print: printSetup('landscape', title, { titleRows: '1:2', printArea: `A1:${cellRef(last, lastRow)}` }),
    tabColor: '4472C4',
    charts,
  };
}
