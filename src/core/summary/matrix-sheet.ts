/**
 * 汇总: schools × tasks, each cell the school's state for the task, coloured;
 * completion rates per pillar and overall per school; totals rows; a legend
 * of colours and of what each task number stands for. A plan with many tasks
 * would print this one page wide too small to read: it then gets an overview
 * (rates per pillar) and one such sheet per pillar (`matrixSheets`).
 */
import type { Rollup } from '../rollup/types.js';
import { TASK_STATES } from '../rollup/types.js';
import { pillarSheetBaseName } from '../template/sheet-names.js';
import type { SheetSpec } from '../workbook/spec.js';
import { STATE_STYLE, SUMMARY_STYLE } from './summary-styles.js';
import { noteRow, tableSheet, type FreeRow, type TableCell, type TableColumn } from './table-sheet.js';

export const MATRIX_SHEET_NAME = '汇总';

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/** Character units of 序号, 学校, each task's column, each pillar's rate and the overall rate. */
const NO_WIDTH = 5;
const SCHOOL_WIDTH = 18;
const TASK_WIDTH = 6.5;
const RATE_WIDTH = 7;
const OVERALL_WIDTH = 8;
/**
 * Widest 汇总 printed as one sheet. A4 landscape holds about 130 character units at 100 %; past ~190 the
 * sheet, fitted one page wide, prints below 70 %, too small to read at a meeting (40 tasks: about 40 %).
 */
export const MATRIX_MAX_WIDTH = 190;

/** Which tasks (by pillar) and which pillars' rates one 汇总 sheet shows. */
interface MatrixPart {
  name: string;
  /** Appended to the title, e.g. `（一、加强政治建设）`. */
  titleSuffix: string;
  taskPillars: readonly number[];
  ratePillars: readonly number[];
}

/** The 汇总 sheet, or for a plan too wide to print on one, an overview of rates and one sheet per pillar. */
export function matrixSheets(rollup: Rollup): SheetSpec[] {
  const all = rollup.pillars.map((_, i) => i);
  const width = NO_WIDTH + SCHOOL_WIDTH + rollup.tasks.length * TASK_WIDTH + rollup.pillars.length * RATE_WIDTH + OVERALL_WIDTH;
  if (width <= MATRIX_MAX_WIDTH) return [matrixSheet(rollup, { name: MATRIX_SHEET_NAME, titleSuffix: '', taskPillars: all, ratePillars: all })];
  return [
    matrixSheet(rollup, { name: MATRIX_SHEET_NAME, titleSuffix: '（各大项完成率）', taskPillars: [], ratePillars: all }),
    ...rollup.pillars.flatMap((p, i) =>
      p.taskCount === 0
        ? []
        : [matrixSheet(rollup, { name: `${MATRIX_SHEET_NAME}（${p.numeral}）`, titleSuffix: `（${pillarSheetBaseName(p.numeral, p.title)}）`, taskPillars: [i], ratePillars: [i] })],
    ),
  ];
}

function matrixSheet(rollup: Rollup, part: MatrixPart): SheetSpec {
  const taskIndexes = rollup.tasks.flatMap((t, i) => (part.taskPillars.includes(t.pillarIndex) ? [i] : []));
  const tasks = taskIndexes.map((i) => rollup.tasks[i]!);
  const pillars = part.ratePillars.map((i) => rollup.pillars[i]!);
  const bandPillars = part.taskPillars.map((i) => rollup.pillars[i]!);
  const columns: TableColumn[] = [
    { key: 'no', header: '序号', width: NO_WIDTH, style: SUMMARY_STYLE.center },
    { key: 'school', header: '学校', width: SCHOOL_WIDTH, style: SUMMARY_STYLE.text },
    ...tasks.map((t) => ({ key: t.id, header: String(t.no), width: TASK_WIDTH, style: SUMMARY_STYLE.muted })),
    ...pillars.map((p) => ({ key: `rate${p.no}`, header: p.numeral, width: RATE_WIDTH, style: SUMMARY_STYLE.rate })),
    { key: 'rate', header: '总体', width: OVERALL_WIDTH, style: SUMMARY_STYLE.rate },
  ];
  const firstRate = 2 + tasks.length;

  // Band over the header: each pillar's name over its task columns, 完成率 over the rate columns.
  const band: FreeRow = { cells: [], merges: [[0, 1]] };
  const header = (index: number, value: string) => band.cells.push({ index, value, style: SUMMARY_STYLE.header });
  header(0, '');
  header(1, '');
  let col = 2;
  for (const p of bandPillars) {
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
    ...taskIndexes.map((t) => ({ value: school.states[t]!, style: STATE_STYLE[school.states[t]!] })),
    ...part.ratePillars.map((p) => ({ value: school.rates!.pillars[p]!.rate })),
    { value: school.rates!.overall.rate },
  ]);
  const stats = taskIndexes.map((i) => rollup.taskStats[i]!);
  const doneRow: TableCell[] = [
    { value: '', style: SUMMARY_STYLE.total },
    { value: '已完成（所）', style: SUMMARY_STYLE.total },
    ...stats.map((t) => ({ value: t.done, style: SUMMARY_STYLE.total })),
    ...pillars.map(() => ({ value: '', style: SUMMARY_STYLE.total })),
    { value: '', style: SUMMARY_STYLE.total },
  ];
  const totals: TableCell[][] = [
    // Schools that completed each task: only on a sheet with task columns.
    ...(tasks.length > 0 ? [doneRow] : []),
    [
      { value: '', style: SUMMARY_STYLE.total },
      { value: '完成率', style: SUMMARY_STYLE.total },
      ...stats.map((t) => ({ value: t.rate.rate, style: SUMMARY_STYLE.totalRatePlain })),
      ...part.ratePillars.map((p) => ({ value: rollup.overall.pillars[p]!.rate, style: SUMMARY_STYLE.totalRate })),
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
  const taskLists = bandPillars
    .filter((p) => p.taskCount > 0)
    .map((p) =>
      noteRow(
        `${pillarSheetBaseName(p.numeral, p.title)}：` +
          tasks
            .filter((t) => t.pillarIndex === rollup.pillars.indexOf(p))
            .map((t) => `${t.no}. ${t.title}`)
            .join('；'),
        width,
      ),
    );
  const notes: FreeRow[] = [
    ...(tasks.length > 0 ? [legend] : []),
    noteRow(
      `逾期：完成时限是具体日期、早于 ${rollup.asOf} 且未标“已完成”。未填：没有该任务的行或没有选择状态。` +
        '完成率 = 已完成的任务数 ÷ 任务总数（未填计入总数）。任务有插入行时，各行都已完成才算已完成。',
      width,
    ),
    ...(tasks.length > 0
      ? taskLists
      : [noteRow(`各大项（每项一张“${MATRIX_SHEET_NAME}（一）”式的表，列出各校每项任务的状态）：${pillars.map((p) => pillarSheetBaseName(p.numeral, p.title)).join('；')}`, width)]),
  ];
  const overall = rollup.overall.overall;
  const scope =
    part.taskPillars.length === 1
      ? `本大项 ${tasks.length} 项任务，完成率 ${percent(rollup.overall.pillars[part.taskPillars[0]!]!.rate)}；`
      : `${rollup.tasks.length} 项任务；`;
  const title = `${rollup.planTitle} 完成情况汇总${part.titleSuffix}`;
  return tableSheet({
    name: part.name,
    title,
    subtitle:
      adopted.length === 0
        ? `截至 ${rollup.asOf}：没有可汇总的学校文件。`
        : `截至 ${rollup.asOf}：${adopted.length} 所学校、${scope}总体完成率 ${percent(overall.rate)}（已完成 ${overall.done} 项 / 共 ${overall.total} 项）。` +
          (tasks.length > 0 ? '表头数字为任务序号，含义见表下说明。' : '表头为大项序号，含义见表下说明。'),
    pageTitle: title,
    columns,
    bands: [band],
    body,
    totals,
    notes,
    freezeColumns: 2,
    tabColor: '4472C4',
  });
}
