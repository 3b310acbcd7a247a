/**
 * 进度趋势: every school's completion rate round by round (oldest first), the
 * overall rate under them, and a native line chart of the overall rate and of
 * the schools lowest this round, to the right of the table on the same page.
 * Shown from the second round on, from the rounds the summaries carried forward.
 */
import { cellRef, columnLetter, rangeRef } from '../workbook/a1.js';
import { HEADING_FONT } from '../template/styles.js';
import type { ChartSpec, SheetSpec } from '../workbook/spec.js';
import type { SummaryData } from './round-data.js';
import { SUMMARY_STYLE } from './summary-styles.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const TREND_SHEET_NAME = '进度趋势';
/** Schools lowest this round drawn beside the overall line: more would be a tangle. */
export const TREND_LOWEST = 5;
const CHART_COLUMNS = 8;
const CHART_ROWS = 18;
const LOW_COLORS = ['C00000', 'ED7D31', '7030A0', 'BF8F00', '808080'];

/** No rate (not submitted, file unusable) is an empty cell: the line chart leaves a gap there, where a '—' would be drawn as 0%. */
const rateCell = (rate: number | null | undefined): TableCell =>
  rate === null || rate === undefined ? { value: null, style: SUMMARY_STYLE.center } : rate;

function delta(rates: readonly (number | null)[]): string {
  const now = rates[rates.length - 1];
  const before = rates[rates.length - 2];
  if (now === null || now === undefined || before === null || before === undefined) return '—';
  const points = Math.round((now - before) * 1000) / 10;
  return points === 0 ? '持平' : `${points > 0 ? '+' : ''}${points.toFixed(1)}`;
}

/** This round's lowest schools with a rate, lowest first (ties in table order); their 0-based indexes. */
export function lowestSchools(data: SummaryData, count = TREND_LOWEST): number[] {
  const last = data.rounds.length - 1;
  return data.schools
    .map((s, i) => ({ rate: s.rates[last], i }))
    .filter((s): s is { rate: number; i: number } => typeof s.rate === 'number')
    .sort((a, b) => a.rate - b.rate || a.i - b.i)
    .slice(0, count)
    .map((s) => s.i);
}

export function trendSheet(data: SummaryData): SheetSpec {
  const n = data.rounds.length;
  const columns: TableColumn[] = [
    { key: 'school', header: '学校', width: 22, style: SUMMARY_STYLE.text },
    ...data.rounds.map((r, i) => ({ key: `round${i + 1}`, header: r.label, width: 11, style: SUMMARY_STYLE.rate })),
    // Two lines at the width the other columns have: a wider table would shrink the chart beside it on the page.
    { key: 'delta', header: '较上期\n（百分点）', width: 11, style: SUMMARY_STYLE.center },
  ];
  const body: TableCell[][] = data.schools.map((s) => [s.name, ...data.rounds.map((_, i) => rateCell(s.rates[i])), delta(s.rates)]);
  const overall = data.rounds.map((r) => r.rate);
  const totals: TableCell[][] = [
    [{ value: '总体', style: SUMMARY_STYLE.total }, ...overall.map((rate) => (rate === null ? { value: null, style: SUMMARY_STYLE.total } : { value: rate, style: SUMMARY_STYLE.totalRate })), { value: delta(overall), style: SUMMARY_STYLE.total }],
  ];
  const rounds = data.rounds.map((r) => `${r.label}（${r.asOf}）`).join('、');
  const sheet = tableSheet({
    name: TREND_SHEET_NAME,
    title: `${data.planTitle} 进度趋势（${n} 期）`,
    subtitle: `各校总体完成率逐期对比：${rounds}。空白表示该期未报送或文件无法使用。右图为总体完成率和本期最低的 ${Math.min(TREND_LOWEST, lowestSchools(data).length)} 所学校，空白处断开。`,
    pageTitle: `${data.planTitle} 进度趋势`,
    columns,
    body,
    totals,
    freezeColumns: 1,
    tabColor: '5B9BD5',
  });
  const header = sheet.freeze!.rows;
  const firstRate = 2;
  const lastRate = 1 + n;
  const totalRow = header + body.length + 1;
  const series: ChartSpec['series'] = [{ name: '总体', values: rangeRef(firstRate, totalRow, lastRate, totalRow), color: '4472C4' }];
  lowestSchools(data).forEach((i, k) => {
    const row = header + 1 + i;
    series.push({ name: data.schools[i]!.name, values: rangeRef(firstRate, row, lastRate, row), color: LOW_COLORS[k % LOW_COLORS.length]!, dashed: true });
  });
  const chartFirst = columns.length + 2;
  const chartLast = chartFirst + CHART_COLUMNS - 1;
  const chart: ChartSpec = {
    kind: 'line',
    title: '总体及最低学校完成率趋势',
    categories: rangeRef(firstRate, header, lastRate, header),
    series,
    anchor: { from: { col: chartFirst, row: header }, to: { col: chartLast, row: header + CHART_ROWS - 1 } },
    valueFormat: '0%',
    valueMin: 0,
    valueMax: 1,
    font: HEADING_FONT,
  };
  const spare = (key: string, width: number) => ({ key, header: '', width, locked: true, wrap: false, hidden: false });
  sheet.columns.push(spare('gap', 2), ...Array.from({ length: CHART_COLUMNS }, (_, i) => spare(`chart${i + 1}`, 8)));
  const lastRow = Math.max(totalRow, header + CHART_ROWS - 1);
  sheet.print = { ...sheet.print!, printArea: `A1:${cellRef(chartLast, lastRow)}` };
  sheet.charts = [chart];
  // The title and subtitle span the chart too, so the printed page is one block.
  sheet.merges = sheet.merges.map((m) => (m === `A1:${columnLetter(columns.length)}1` || m === `A2:${columnLetter(columns.length)}2` ? m.replace(/:[A-Z]+/, `:${columnLetter(chartLast)}`) : m));
  return sheet;
}
