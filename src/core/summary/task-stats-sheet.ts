/** 按任务统计: per plan task, how many schools filled it in, finished it, are on it, have not started, are late. */
import type { Rollup } from '../rollup/types.js';
import type { SheetSpec } from '../workbook/spec.js';
import { SUMMARY_STYLE } from './summary-styles.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const TASK_STATS_SHEET_NAME = '按任务统计';

const COLUMNS: TableColumn[] = [
  { key: 'pillar', header: '大项', width: 6, style: SUMMARY_STYLE.center },
  { key: 'seq', header: '序号', width: 6, style: SUMMARY_STYLE.center },
  { key: 'task', header: '工作任务', width: 44, style: SUMMARY_STYLE.text },
  { key: 'schools', header: '报送学校', width: 8, style: SUMMARY_STYLE.center },
  { key: 'filled', header: '已填报', width: 8, style: SUMMARY_STYLE.center },
  { key: 'done', header: '已完成', width: 8, style: SUMMARY_STYLE.center },
  { key: 'inProgress', header: '推进中', width: 8, style: SUMMARY_STYLE.center },
  { key: 'notStarted', header: '未开始', width: 8, style: SUMMARY_STYLE.center },
  { key: 'overdue', header: '逾期', width: 8, style: SUMMARY_STYLE.center },
  { key: 'unfilled', header: '未填', width: 8, style: SUMMARY_STYLE.center },
  { key: 'rate', header: '完成率', width: 8, style: SUMMARY_STYLE.rate },
];

export function taskStatsSheet(rollup: Rollup): SheetSpec {
  const body: TableCell[][] = rollup.taskStats.map((t) => [
    { value: t.pillarNumeral },
    { value: t.no },
    { value: t.title },
    { value: t.schools },
    { value: t.filled },
    { value: t.done },
    { value: t.inProgress },
    { value: t.notStarted },
    { value: t.overdue, ...(t.overdue > 0 ? { style: SUMMARY_STYLE.bad } : {}) },
    { value: t.unfilled },
    { value: t.rate.rate },
  ]);
  const sum = (key: 'filled' | 'done' | 'inProgress' | 'notStarted' | 'overdue' | 'unfilled') =>
    rollup.taskStats.reduce((n, t) => n + t[key], 0);
  const total = SUMMARY_STYLE.total;
  const totals: TableCell[][] = [
    [
      { value: '', style: total },
      { value: '', style: total },
      { value: `合计（${rollup.tasks.length} 项任务 × ${rollup.accounting.schoolsSubmitted} 所学校）`, style: total },
      { value: rollup.accounting.schoolsSubmitted, style: total },
      { value: sum('filled'), style: total },
      { value: sum('done'), style: total },
      { value: sum('inProgress'), style: total },
      { value: sum('notStarted'), style: total },
      { value: sum('overdue'), style: total },
      { value: sum('unfilled'), style: total },
      { value: rollup.overall.overall.rate, style: SUMMARY_STYLE.totalRate },
    ],
  ];
  return tableSheet({
    name: TASK_STATS_SHEET_NAME,
    title: `${rollup.planTitle} 按任务统计`,
    subtitle: `截至 ${rollup.asOf}，按 ${rollup.accounting.schoolsSubmitted} 所学校采用的文件统计（单位：所）。完成率 = 已完成 ÷ 报送学校。`,
    pageTitle: `${rollup.planTitle} 按任务统计`,
    columns: COLUMNS,
    body,
    totals,
    freezeColumns: 3,
    tabColor: '4472C4',
  });
}
