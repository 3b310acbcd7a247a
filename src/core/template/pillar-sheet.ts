/** One sheet per pillar: merged title, header row, one row per task. */
import { DEADLINE_PROMPT_ZH } from '../deadline/forms.js';
import type { Pillar } from '../model.js';
import { cellRef, columnLetter, rangeRef } from '../workbook/a1.js';
import { printSetup } from './print-setup.js';
import { estimateRowHeight } from './row-height.js';
import { type CellSpec, type ColumnSpec, type RowSpec, type SheetSpec } from '../workbook/spec.js';
import { PILLAR_FIRST_TASK_ROW, PILLAR_HEADER_ROW, PILLAR_TITLE_ROW, STATUS_DONE, STATUS_VALUES, type ColumnKey } from './constants.js';
import { BODY_SIZE, OVERDUE_STYLE, STYLE, STYLES, type StyleName } from './styles.js';
import { isPrefillDate, prefillCellValue, type LedgerPrefill, type PrefillRow } from './prefill.js';

interface ColumnDef extends ColumnSpec {
  key: ColumnKey;
  style: StyleName;
}

const col = (key: ColumnKey, header: string, width: number, locked: boolean, style: StyleName, hidden = false): ColumnDef => ({
  key,
  header,
  width,
  locked,
  wrap: STYLES[style].wrap ?? false,
  hidden,
  style,
});

/**
 * Widths in character units: a CJK character takes about two at 11 pt. Sum of
 * visible widths ≈ 173 → ~80 % scale on A4 landscape. Avoid exactly 9: exceljs
 * takes it for its default width and leaves the column out of the file.
 */
export const PILLAR_COLUMNS: readonly ColumnDef[] = [
  col('seq', '序号', 6, true, STYLE.fixedCenter),
  col('task', '工作任务', 18, true, STYLE.fixed),
  col('requirement', '工作要求', 50, true, STYLE.fixed),
  col('measures', '具体举措', 24, false, STYLE.input),
  col('unit', '责任单位', 12, false, STYLE.input),
  col('owner', '责任人', 10, false, STYLE.input),
  col('deadline', '完成时限', 11, false, STYLE.input),
  col('progress', '完成情况', 24, false, STYLE.input),
  col('status', '状态', 8, false, STYLE.inputCenter),
  col('remark', '备注', 10, false, STYLE.input),
  // Matches rows back to the plan even after users sort; hidden and locked.
  col('taskId', '任务编号', 10, true, STYLE.hiddenId, true),
];

/** 1-based column number of a key on a pillar sheet. */
export function pillarColumn(key: ColumnKey): number {
  return PILLAR_COLUMNS.findIndex((c) => c.key === key) + 1;
}

const LAST_VISIBLE = PILLAR_COLUMNS.filter((c) => !c.hidden).length;

function taskCells(pillar: Pillar, taskIndex: number, prefill: LedgerPrefill): CellSpec[] {
  const task = pillar.tasks[taskIndex]!;
  const values: Record<ColumnKey, string | number | null> = {
    seq: task.no,
    task: task.title,
    requirement: task.body,
    measures: null,
    unit: task.notes?.units.join('、') || null,
    owner: task.notes?.owners?.join('、') || null,
    deadline: task.notes?.deadline ?? null,
    progress: null,
    status: null,
    remark: null,
    taskId: task.id,
  };
  return rowCells(values, prefill.tasks?.get(task.id) ?? {});
}

/** A row the school inserted under a task: no task, no id (so readers take it for that task's extra row). */
function extraCells(extra: PrefillRow): CellSpec[] {
  const blank = Object.fromEntries(PILLAR_COLUMNS.map((c) => [c.key, null])) as Record<ColumnKey, null>;
  const { task: _task, taskId: _id, ...kept } = extra;
  return rowCells(blank, kept);
}

/** The template's values with the carried ones written over them; a carried date keeps a date style. */
function rowCells(values: Record<ColumnKey, string | number | null>, carried: PrefillRow): CellSpec[] {
  return PILLAR_COLUMNS.map((c, i) => {
    const value = carried[c.key];
    if (value === undefined) return { col: i + 1, value: values[c.key], style: c.style };
    return { col: i + 1, value: prefillCellValue(value), style: isPrefillDate(value) ? STYLE.inputDay : c.style };
  });
}

/** Row of each task on its sheet: rows carried under a task push the tasks below it down. */
export function taskRowNumbers(pillar: Pillar, prefill: LedgerPrefill = {}): number[] {
  let row = PILLAR_FIRST_TASK_ROW;
  return pillar.tasks.map((task) => {
    const at = row;
    row += 1 + (prefill.extras?.get(task.id)?.length ?? 0);
    return at;
  });
}

function rowHeight(cells: CellSpec[]): number {
  return estimateRowHeight(
    cells.map((cell) => ({
      text: typeof cell.value === 'string' ? cell.value : '',
      widthChars: PILLAR_COLUMNS[cell.col - 1]!.width,
      fontSize: BODY_SIZE,
    })),
    36,
  );
}

export function pillarSheet(pillar: Pillar, name: string, planTitle: string, prefill: LedgerPrefill = {}): SheetSpec {
  const fullTitle = `${pillar.numeral}、${pillar.title}`;
  const rows: RowSpec[] = [
    {
      row: PILLAR_TITLE_ROW,
      height: estimateRowHeight([{ text: fullTitle, widthChars: 150, fontSize: 16 }], 34),
      cells: [{ col: 1, value: fullTitle, style: STYLE.title }],
    },
    {
      row: PILLAR_HEADER_ROW,
      height: 26,
      cells: PILLAR_COLUMNS.map((c, i) => ({ col: i + 1, value: c.header, style: STYLE.header })),
    },
  ];
  let next = PILLAR_FIRST_TASK_ROW;
  const push = (cells: CellSpec[]): void => {
    rows.push({ row: next++, height: rowHeight(cells), cells });
  };
  pillar.tasks.forEach((task, i) => {
    push(taskCells(pillar, i, prefill));
    for (const extra of prefill.extras?.get(task.id) ?? []) push(extraCells(extra));
  });
  const lastRow = next - 1;

  const letter = (key: ColumnKey): string => columnLetter(pillarColumn(key));
  const columnRange = (key: ColumnKey): string =>
    rangeRef(pillarColumn(key), PILLAR_FIRST_TASK_ROW, pillarColumn(key), lastRow);
  const first = PILLAR_FIRST_TASK_ROW;
  const hasTasks = pillar.tasks.length > 0;

  return {
    name,
    kind: 'pillar',
    state: 'visible',
    pillarNo: pillar.no,
    columns: PILLAR_COLUMNS.map(({ style: _style, ...column }) => column),
    rows,
    merges: [rangeRef(1, PILLAR_TITLE_ROW, LAST_VISIBLE, PILLAR_TITLE_ROW)],
    validations: hasTasks
      ? [
          {
            kind: 'list',
            range: columnRange('status'),
            values: [...STATUS_VALUES],
            allowBlank: true,
            prompt: { title: '状态', text: '请从下拉列表中选择：未开始、推进中、已完成。' },
            error: {
              title: '状态填写有误',
              text: '状态只能是“未开始”“推进中”或“已完成”。请点单元格右侧的下拉箭头选择。',
            },
          },
          {
            kind: 'any',
            range: columnRange('deadline'),
            allowBlank: true,
            prompt: { title: '完成时限', text: DEADLINE_PROMPT_ZH },
          },
          {
            kind: 'any',
            range: columnRange('progress'),
            allowBlank: true,
            prompt: { title: '完成情况', text: '请写明已做的工作、取得的成效；未完成的写明原因和下一步打算。' },
          },
        ]
      : [],
    // Overdue: a real date (a number in Excel) before today while the task is not done.
    conditionalFormats: hasTasks
      ? [
          {
            range: rangeRef(1, first, LAST_VISIBLE, lastRow),
            formula: `AND(ISNUMBER($${letter('deadline')}${first}),$${letter('deadline')}${first}<TODAY(),$${letter('status')}${first}<>"${STATUS_DONE}")`,
            style: OVERDUE_STYLE,
          },
        ]
      : [],
    protection: {
      allowFormatColumns: true,
      allowFormatRows: true,
      allowSort: true,
      allowAutoFilter: true,
      allowSelectLockedCells: true,
    },
    freeze: { rows: PILLAR_HEADER_ROW, columns: pillarColumn('task') },
    autoFilter: `${cellRef(1, PILLAR_HEADER_ROW)}:${cellRef(LAST_VISIBLE, Math.max(lastRow, PILLAR_HEADER_ROW))}`,
    print: printSetup('landscape', planTitle, {
      titleRows: `${PILLAR_TITLE_ROW}:${PILLAR_HEADER_ROW}`,
      printArea: rangeRef(1, PILLAR_TITLE_ROW, LAST_VISIBLE, Math.max(lastRow, PILLAR_HEADER_ROW)),
    }),
  };
}
