/**
 * 汇总: schools × tasks, each cell the school's state for the task, coloured;
 * completion rates per pillar and overall per school; totals rows; a legend
 * of colours and of what each task number stands for.
 */
import type { Rollup } from '../rollup/types.js';
import { TASK_STATES } from '../rollup/types.js';
import { pillarSheetBaseName } from '../template/sheet-names.js';
import type { SheetSpec } from '../template/spec-types.js';
import { STATE_STYLE, SUMMARY_STYLE } from './summary-styles.js';
import { noteRow, tableSheet, type FreeRow, type TableCell, type TableColumn } from './table-sheet.js';

export const MATRIX_SHEET_NAME = '汇总';

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

export function matrixSheet(rollup: Rollup): SheetSpec {
  const { tasks, pillars } = rollup;
  const columns: TableColumn[] = [
    { key: 'no', header: '序号', width: 5, style: SUMMARY_STYLE.center },
    { key: 'school', header: '学校', width: 18, style: SUMMARY_STYLE.text },
    ...tasks.map((t) => ({ key: t.id, header: String(t.no), width: 6.5, style: SUMMARY_STYLE.muted })),
    ...pillars.map((p, i) => ({ key: `rate${i + 1}`, header: p.numeral, width: 7, style: SUMMARY_STYLE.rate })),
    { key: 'rate', header: '总体', width: 8, style: SUMMARY_STYLE.rate },
  ];
  const firstRate = 2 + tasks.length;

  // Band over the header: each pillar's name over its task columns, 完成率 over the rate columns.
  const band: FreeRow = { cells: [], merges: [[0, 1]] };
  const header = (index: number, value: string) => band.cells.push({ index, value, style: SUMMARY_STYLE.header });
  header(0, '');
  header(1, '');
  let col = 2;
  for (const p of pillars) {
    if (p.taskCount === 0) continue;
    for (let k = 0; k < p.taskCount; k++) header(col + k, k === 0 ? pillarSheetBaseName(p.numeral, p.title) : '');
    band.merges!.push([col, col + p.taskCount - 1]);
    col += p.taskCount;
  }
  pillars.forEach((_, i) => header(firstRate + i, i === 0 ? '完成率' : ''));
  header(firstRate + pillars.length, '');
  band.merges!.push([firstRate, firstRate + pillars.length]);

  const adopted = rollup.schools.filter((s) => s.rates);
  const body: TableCell[][] = adopted.map((school, i) => [
    { value: i + 1 },
    { value: school.name },
    ...school.states.map((state) => ({ value: state, style: STATE_STYLE[state] })),
    ...school.rates!.pillars.map((r) => ({ value: r.rate })),
    { value: school.rates!.overall.rate },
  ]);
  const totals: TableCell[][] = [
    [
      { value: '', style: SUMMARY_STYLE.total },
      { value: '已完成（所）', style: SUMMARY_STYLE.total },
      ...rollup.taskStats.map((t) => ({ value: t.done, style: SUMMARY_STYLE.total })),
      ...pillars.map(() => ({ value: '', style: SUMMARY_STYLE.total })),
      { value: '', style: SUMMARY_STYLE.total },
    ],
    [
      { value: '', style: SUMMARY_STYLE.total },
      { value: '完成率', style: SUMMARY_STYLE.total },
      ...rollup.taskStats.map((t) => ({ value: t.rate.rate, style: SUMMARY_STYLE.totalRatePlain })),
      ...rollup.overall.pillars.map((r) => ({ value: r.rate, style: SUMMARY_STYLE.totalRate })),
      { value: rollup.overall.overall.rate, style: SUMMARY_STYLE.totalRate },
    ],
  ];

  const width = columns.length;
  const legend: FreeRow = {
    cells: [
      { index: 1, value: '图例', style: SUMMARY_STYLE.section },
      ...TASK_STATES.map((state, i) => ({ index: 2 + i, value: state, style: STATE_STYLE[state] })),
    ],
  };
  const notes: FreeRow[] = [
    legend,
    noteRow(
      `逾期：完成时限是具体日期、早于 ${rollup.asOf} 且未标“已完成”。未填：没有该任务的行或没有选择状态。` +
        '完成率 = 已完成的任务数 ÷ 任务总数（未填计入总数）。任务有插入行时，各行都已完成才算已完成。',
      width,
    ),
    ...pillars
      .filter((p) => p.taskCount > 0)
      .map((p, i) =>
        noteRow(
          `${pillarSheetBaseName(p.numeral, p.title)}：` +
            tasks
              .filter((t) => t.pillarIndex === rollup.pillars.indexOf(p))
              .map((t) => `${t.no}. ${t.title}`)
              .join('；'),
          width,
          i === 0 ? SUMMARY_STYLE.subtitle : SUMMARY_STYLE.subtitle,
        ),
      ),
  ];
  const overall = rollup.overall.overall;
  return tableSheet({
    name: MATRIX_SHEET_NAME,
    title: `${rollup.planTitle} 完成情况汇总`,
    subtitle:
      adopted.length === 0
        ? `截至 ${rollup.asOf}：没有可汇总的学校文件。`
        : `截至 ${rollup.asOf}：${adopted.length} 所学校、${tasks.length} 项任务；总体完成率 ${percent(overall.rate)}（已完成 ${overall.done} 项 / 共 ${overall.total} 项）。表头数字为任务序号，含义见表下说明。`,
    pageTitle: `${rollup.planTitle} 完成情况汇总`,
    columns,
    bands: [band],
    body,
    totals,
    notes,
    freezeColumns: 2,
    tabColor: '4472C4',
  });
}
