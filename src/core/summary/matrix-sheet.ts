/**
 * 汇总: schools × tasks, each cell the school's state for the task, coloured;
 * completion rates per pillar and overall per school; totals rows; a legend
 * of colours and of what each task number stands for. A plan with many tasks
 * would print this one page wide too small to read: it then gets an overview
 * (rates per pillar) and one such sheet per pillar (`matrixSheets`).
 */
import type { Rollup, SchoolRollup } from '../rollup/types.js';
import { LIGHTS } from '../rollup/types.js';
import { schoolOrder } from '../rollup/pace.js';
import { gapsLine, paceText, percent } from './meeting-lines.js';
import { pillarSheetBaseName } from '../template/sheet-names.js';
import type { SheetSpec } from '../workbook/spec.js';
import { LIGHT_STYLE, SUMMARY_STYLE } from './summary-styles.js';
import { noteRow, tableSheet, type FreeRow, type TableCell, type TableColumn } from './table-sheet.js';

export const MATRIX_SHEET_NAME = '汇总';


/** Character units of 序号, 学校, each task's column, each pillar's rate and the overall rate. */
const NO_WIDTH = 5;
const SCHOOL_WIDTH = 18;
const TASK_WIDTH = 6.5;
const RATE_WIDTH = 7;
const OVERALL_WIDTH = 8;
/** 状态, then 序时进度, 红, 黄, 绿 and 排名 after the rates. */
const STATE_WIDTH = 8;
const PACE_WIDTH = 8;
const COUNT_WIDTH = 4.5;
const RANK_WIDTH = 5;
const EXTRA_WIDTH = STATE_WIDTH + PACE_WIDTH + 3 * COUNT_WIDTH + RANK_WIDTH;
const LIGHT_LEGEND = { 红: '逾期', 黄: '临期/滞后', 绿: '正常', 未填: '未填' } as const;
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
/** `stream`: the rows are made while the sheet is written (see StreamedRows). */
export function matrixSheets(rollup: Rollup, stream = false): SheetSpec[] {
  const all = rollup.pillars.map((_, i) => i);
  const width = EXTRA_WIDTH + NO_WIDTH + SCHOOL_WIDTH + rollup.tasks.length * TASK_WIDTH + rollup.pillars.length * RATE_WIDTH + OVERALL_WIDTH;
  if (width <= MATRIX_MAX_WIDTH) return [matrixSheet(rollup, stream, { name: MATRIX_SHEET_NAME, titleSuffix: '', taskPillars: all, ratePillars: all })];
  return [
    matrixSheet(rollup, stream, { name: MATRIX_SHEET_NAME, titleSuffix: '（各大项完成率）', taskPillars: [], ratePillars: all }),
    ...rollup.pillars.flatMap((p, i) =>
      p.taskCount === 0
        ? []
        : [matrixSheet(rollup, stream, { name: `${MATRIX_SHEET_NAME}（${p.numeral}）`, titleSuffix: `（${pillarSheetBaseName(p.numeral, p.title)}）`, taskPillars: [i], ratePillars: [i] })],
    ),
  ];
}

function matrixSheet(rollup: Rollup, stream: boolean, part: MatrixPart): SheetSpec {
  const taskIndexes = rollup.tasks.flatMap((t, i) => (part.taskPillars.includes(t.pillarIndex) ? [i] : []));
  const tasks = taskIndexes.map((i) => rollup.tasks[i]!);
  const pillars = part.ratePillars.map((i) => rollup.pillars[i]!);
  const bandPillars = part.taskPillars.map((i) => rollup.pillars[i]!);
  const columns: TableColumn[] = [
    { key: 'no', header: '序号', width: NO_WIDTH, style: SUMMARY_STYLE.center },
    { key: 'school', header: '学校', width: SCHOOL_WIDTH, style: SUMMARY_STYLE.text },
    { key: 'state', header: '状态', width: STATE_WIDTH, style: SUMMARY_STYLE.center },
    ...tasks.map((t) => ({ key: t.id, header: String(t.no), width: TASK_WIDTH, style: SUMMARY_STYLE.muted })),
    ...pillars.map((p) => ({ key: `rate${p.no}`, header: p.numeral, width: RATE_WIDTH, style: SUMMARY_STYLE.rate })),
    { key: 'rate', header: '总体', width: OVERALL_WIDTH, style: SUMMARY_STYLE.rate },
    { key: 'pace', header: '序时进度', width: PACE_WIDTH, style: SUMMARY_STYLE.center },
    { key: 'red', header: '红', width: COUNT_WIDTH, style: SUMMARY_STYLE.center },
    { key: 'yellow', header: '黄', width: COUNT_WIDTH, style: SUMMARY_STYLE.center },
    { key: 'green', header: '绿', width: COUNT_WIDTH, style: SUMMARY_STYLE.center },
    { key: 'rank', header: '排名', width: RANK_WIDTH, style: SUMMARY_STYLE.center },
  ];
  const firstRate = 3 + tasks.length;
  const tail = (value: string) => [0, 1, 2, 3, 4].map(() => ({ value, style: SUMMARY_STYLE.total }));

  // Band over the header: each pillar's name over its task columns, 完成率 over the rate columns.
  const band: FreeRow = { cells: [], merges: [[0, 2]] };
  const header = (index: number, value: string) => band.cells.push({ index, value, style: SUMMARY_STYLE.header });
  header(0, '');
  header(1, '');
  header(2, '');
  let col = 3;
  for (const p of bandPillars) {
    if (p.taskCount === 0) continue;
    for (let k = 0; k < p.taskCount; k++) header(col + k, k === 0 ? pillarSheetBaseName(p.numeral, p.title) : '');
    band.merges!.push([col, col + p.taskCount - 1]);
    col += p.taskCount;
  }
  pillars.forEach((_, i) => header(firstRate + i, i === 0 ? '完成率' : ''));
  header(firstRate + pillars.length, '');
  band.merges!.push([firstRate, firstRate + pillars.length]);
  const firstTail = firstRate + pillars.length + 1;
  ['序时进度与红黄绿', '', '', '', '排名'].forEach((v, i) => header(firstTail + i, v));
  band.merges!.push([firstTail, firstTail + 3]);

  const adopted = rollup.schools.filter((s) => s.rates);
  // Every school, submitted or not: a school that sent nothing usable is a row in its own state, so the page shows the gap.
  const ordered = schoolOrder(rollup.schools, rollup.sortBy);
  const line = (school: SchoolRollup, i: number): TableCell[] => {
    const lagging = school.lagging === true;
    const state = school.rates ? (lagging ? '进度靠后' : school.status) : school.status;
    const bad = !school.rates || lagging;
    return [
      { value: i + 1 },
      { value: school.name, ...(bad ? { style: SUMMARY_STYLE.flagged } : {}) },
      { value: state, style: bad ? SUMMARY_STYLE.bad : SUMMARY_STYLE.center },
      ...taskIndexes.map((t) => (school.rates ? { value: school.states[t]!, style: LIGHT_STYLE[school.lights[t]!] } : { value: '—', style: SUMMARY_STYLE.muted })),
      ...part.ratePillars.map((p) => ({ value: school.rates ? school.rates.pillars[p]!.rate : '' })),
      { value: school.rates ? school.rates.overall.rate : '' },
      { value: paceText(school) },
      { value: school.rates ? school.lightCounts.红 : '' },
      { value: school.rates ? school.lightCounts.黄 : '' },
      { value: school.rates ? school.lightCounts.绿 : '' },
      { value: school.rank ?? '', ...(lagging ? { style: SUMMARY_STYLE.bad } : {}) },
    ];
  };
  function* rows(): Iterable<TableCell[]> {
    for (const [i, school] of ordered.entries()) yield line(school, i);
  }
  const stats = taskIndexes.map((i) => rollup.taskStats[i]!);
  const doneRow: TableCell[] = [
    { value: '', style: SUMMARY_STYLE.total },
    { value: '已完成（所）', style: SUMMARY_STYLE.total },
    { value: '', style: SUMMARY_STYLE.total },
    ...stats.map((t) => ({ value: t.done, style: SUMMARY_STYLE.total })),
    ...pillars.map(() => ({ value: '', style: SUMMARY_STYLE.total })),
    { value: '', style: SUMMARY_STYLE.total },
    ...tail(''),
  ];
  const totals: TableCell[][] = [
    // Schools that completed each task: only on a sheet with task columns.
    ...(tasks.length > 0 ? [doneRow] : []),
    [
      { value: '', style: SUMMARY_STYLE.total },
      { value: '完成率', style: SUMMARY_STYLE.total },
      { value: '', style: SUMMARY_STYLE.total },
      ...stats.map((t) => ({ value: t.rate.rate, style: SUMMARY_STYLE.totalRatePlain })),
      ...part.ratePillars.map((p) => ({ value: rollup.overall.pillars[p]!.rate, style: SUMMARY_STYLE.totalRate })),
      { value: rollup.overall.overall.rate, style: SUMMARY_STYLE.totalRate },
      { value: rollup.pace.overall.total === 0 ? '无到期' : percent(rollup.pace.overall.rate), style: SUMMARY_STYLE.total },
      { value: rollup.lightCounts.红, style: SUMMARY_STYLE.total },
      { value: rollup.lightCounts.黄, style: SUMMARY_STYLE.total },
      { value: rollup.lightCounts.绿, style: SUMMARY_STYLE.total },
      { value: '', style: SUMMARY_STYLE.total },
    ],
  ];

  const width = columns.length;
  const legend: FreeRow = {
    cells: [
      { index: 1, value: '图例', style: SUMMARY_STYLE.section },
      ...LIGHTS.map((light, i) => ({ index: 3 + i, value: `${light}：${LIGHT_LEGEND[light]}`, style: LIGHT_STYLE[light] })),
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
      `格内文字为学校所填状态，底色为红黄绿：红＝完成时限已过且未完成；黄＝${rollup.paceRules.dueSoonDays} 天内到期未完成，或时间已过半仍未开始，或长期工作未写完成情况；绿＝已完成或按进度推进。` +
        `序时进度 = 截至 ${rollup.asOf} 已到期任务中已完成的比例；排名按序时进度、再按完成率，并列同名次；后 ${rollup.paceRules.lowestCount} 名标“进度靠后”。` +
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
      (adopted.length === 0
        ? `截至 ${rollup.asOf}：没有可汇总的学校文件。`
        : `截至 ${rollup.asOf}：${adopted.length} 所学校、${scope}总体完成率 ${percent(overall.rate)}（已完成 ${overall.done} 项 / 共 ${overall.total} 项）。` +
          (tasks.length > 0 ? '表头数字为任务序号，含义见表下说明。' : '表头为大项序号，含义见表下说明。')) +
      gapsLine(rollup),
    pageTitle: title,
    columns,
    bands: [band],
    bodyOf: { count: ordered.length, rows },
    stream,
    totals,
    notes,
    freezeColumns: 2,
    tabColor: '4472C4',
  });
}
