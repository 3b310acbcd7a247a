/**
 * Each rule, one at a time: the correct seed ledger with exactly one thing
 * broken gives exactly one issue — the right code at the right sheet and cell.
 * Rows (see goodFill): 一 T1..T4 at 3,4,5,7; 二 T5 3 (+4), T6 5 (+6), T7 7 (+8);
 * 三 T8 3 (+4), T9 5, T10 7; 四 T11 3, T12 5, T13 7, T14 8.
 * Columns: A 序号, B 工作任务, C 工作要求, D 具体举措, E 责任单位, F 责任人,
 * G 完成时限, H 完成情况, I 状态, J 备注.
 */
import type ExcelJS from 'exceljs';
import { messageFor } from '../src/core/issues';
import type { FillOptions, Located } from './helpers/fill-ledger';
import { fillAndValidate, SHEET, withChanges } from './helpers/validate-fixture';

type Change = Parameters<typeof withChanges>[0];
type Edit = (wb: ExcelJS.Workbook, find: (taskId: string) => Located) => void;

interface Case {
  name: string;
  change: Change;
  code: string;
  sheet: string;
  cell?: string;
  taskId?: string;
  severity: 'error' | 'warning';
  /** Params the message must carry. */
  params?: Record<string, string | number>;
}

const edit = (fn: Edit): Change => ({ edit: fn } as FillOptions);

const CASES: Case[] = [
  { name: '填报单位 empty', change: { info: { unit: null } }, code: 'VALIDATE_INFO_UNIT_MISSING', sheet: SHEET.info, cell: 'B3', severity: 'error' },
  { name: '填报人 empty', change: { info: { reporter: '' } }, code: 'VALIDATE_INFO_REPORTER_MISSING', sheet: SHEET.info, cell: 'B4', severity: 'error' },
  { name: '联系电话 only spaces', change: { info: { phone: '\u3000 ' } }, code: 'VALIDATE_INFO_PHONE_MISSING', sheet: SHEET.info, cell: 'B5', severity: 'error' },
  { name: '联系电话 too short', change: { info: { phone: '83456' } }, code: 'VALIDATE_INFO_PHONE_INVALID', sheet: SHEET.info, cell: 'B5', severity: 'error', params: { value: '83456' } },
  { name: '联系电话 is a name', change: { info: { phone: '张老师' } }, code: 'VALIDATE_INFO_PHONE_INVALID', sheet: SHEET.info, cell: 'B5', severity: 'error' },
  { name: '填报日期 empty', change: { info: { date: null } }, code: 'VALIDATE_INFO_DATE_MISSING', sheet: SHEET.info, cell: 'B6', severity: 'error' },
  { name: '填报日期 not a date', change: { info: { date: '八月底' } }, code: 'VALIDATE_INFO_DATE_INVALID', sheet: SHEET.info, cell: 'B6', severity: 'error', params: { value: '八月底' } },
  { name: '填报日期 a month, not a day', change: { info: { date: '2024年8月' } }, code: 'VALIDATE_INFO_DATE_INVALID', sheet: SHEET.info, cell: 'B6', severity: 'error' },
  { name: '责任单位 empty', change: { tasks: { P1T2: { unit: null } } }, code: 'VALIDATE_UNIT_MISSING', sheet: SHEET.p1, cell: 'E4', taskId: 'P1T2', severity: 'error' },
  { name: '责任人 empty', change: { tasks: { P2T6: { owner: ' ' } } }, code: 'VALIDATE_OWNER_MISSING', sheet: SHEET.p2, cell: 'F5', taskId: 'P2T6', severity: 'error' },
  { name: '责任人 with a phone number', change: { tasks: { P1T2: { owner: '张三 13812345678' } } }, code: 'VALIDATE_OWNER_DIGITS', sheet: SHEET.p1, cell: 'F4', severity: 'warning' },
  { name: '责任人 with full-width digits', change: { tasks: { P3T10: { owner: '李四１号' } } }, code: 'VALIDATE_OWNER_DIGITS', sheet: SHEET.p3, cell: 'F7', severity: 'warning' },
  { name: '责任人 a number cell', change: { tasks: { P3T10: { owner: 13812345678 } } }, code: 'VALIDATE_OWNER_DIGITS', sheet: SHEET.p3, cell: 'F7', severity: 'warning' },
  { name: '完成时限 empty', change: { tasks: { P2T6: { deadline: null } } }, code: 'VALIDATE_DEADLINE_MISSING', sheet: SHEET.p2, cell: 'G5', severity: 'error' },
  { name: '完成时限 unreadable', change: { tasks: { P2T6: { deadline: '下个月吧' } } }, code: 'VALIDATE_DEADLINE_UNKNOWN', sheet: SHEET.p2, cell: 'G5', severity: 'error', params: { value: '下个月吧' } },
  { name: '完成时限 a formula error', change: { tasks: { P2T6: { deadline: { formula: 'NA()', result: { error: '#N/A' } as unknown as string } } } }, code: 'VALIDATE_DEADLINE_UNKNOWN', sheet: SHEET.p2, cell: 'G5', severity: 'error' },
  { name: '完成时限 next year', change: { tasks: { P2T6: { deadline: '2025-03-31' } } }, code: 'VALIDATE_DEADLINE_OUTSIDE_WINDOW', sheet: SHEET.p2, cell: 'G5', severity: 'warning', params: { due: '2025-03-31', from: '2024-04-07', to: '2024-12-31' } },
  { name: '完成时限 before the plan was issued (done, so not overdue)', change: { tasks: { P1T2: { deadline: { date: '2024-03-31' } } } }, code: 'VALIDATE_DEADLINE_OUTSIDE_WINDOW', sheet: SHEET.p1, cell: 'G4', severity: 'warning' },
  { name: '状态 not in the list', change: { tasks: { P2T6: { status: '基本完成' } } }, code: 'VALIDATE_STATUS_INVALID', sheet: SHEET.p2, cell: 'I5', severity: 'error', params: { value: '基本完成', allowed: '未开始、推进中、已完成' } },
  { name: '状态 empty', change: { tasks: { P2T6: { status: null } } }, code: 'VALIDATE_STATUS_MISSING', sheet: SHEET.p2, cell: 'I5', severity: 'warning' },
  { name: '已完成 without 完成情况', change: { tasks: { P1T2: { progress: null } } }, code: 'VALIDATE_PROGRESS_MISSING', sheet: SHEET.p1, cell: 'H4', severity: 'error' },
  { name: 'overdue: due date passed, still 推进中', change: { tasks: { P3T8: { deadline: '2024年8月31日' } } }, code: 'VALIDATE_OVERDUE', sheet: SHEET.p3, cell: 'G3', taskId: 'P3T8', severity: 'warning', params: { due: '2024-08-31', status: '推进中', value: '2024年8月31日' } },
  { name: 'overdue: 6月底前 and 未开始', change: { tasks: { P2T5: { status: '未开始', progress: null } } }, code: 'VALIDATE_OVERDUE', sheet: SHEET.p2, cell: 'G3', severity: 'warning', params: { due: '2024-06-30', status: '未开始' } },
  { name: 'missing task (row deleted)', change: edit((_wb, find) => { const at = find('P1T4'); at.ws.spliceRows(at.row, 1); }), code: 'VALIDATE_TASK_MISSING', sheet: SHEET.p1, taskId: 'P1T4', severity: 'error', params: { taskNo: 4 } },
  { name: '工作任务 changed', change: { tasks: { P1T2: { task: '全面落实校长负责制' } } }, code: 'VALIDATE_TASK_TITLE_CHANGED', sheet: SHEET.p1, cell: 'B4', severity: 'warning', params: { value: '全面落实校长负责制', taskNo: 2 } },
  { name: '工作要求 changed', change: { tasks: { P4T12: { requirement: '按上级要求执行。' } } }, code: 'VALIDATE_TASK_BODY_CHANGED', sheet: SHEET.p4, cell: 'C5', severity: 'warning' },
  { name: '工作要求 cleared', change: { tasks: { P4T12: { requirement: null } } }, code: 'VALIDATE_TASK_BODY_CHANGED', sheet: SHEET.p4, cell: 'C5', severity: 'warning', params: { value: '' } },
  { name: 'row of no task', change: edit((_wb, find) => { const ws = find('P1T4').ws; ws.getCell('A8').value = 5; ws.getCell('B8').value = '学校自选动作'; ws.getCell('D8').value = '开展读书月'; }), code: 'VALIDATE_ORPHAN_ROW', sheet: SHEET.p1, cell: 'A8', severity: 'warning', params: { row: 8 } },
  { name: 'task row copied', change: edit((_wb, find) => { const { ws, row } = find('P1T2'); for (let c = 1; c <= 11; c++) ws.getCell(8, c).value = ws.getCell(row, c).value; }), code: 'VALIDATE_TASK_DUPLICATE', sheet: SHEET.p1, cell: 'B8', taskId: 'P1T2', severity: 'error' },
  { name: 'header 完成时限 renamed', change: edit((_wb, find) => { find('P1T1').ws.getCell('G2').value = '日期'; }), code: 'VALIDATE_COLUMN_MISSING', sheet: SHEET.p1, cell: 'A2', severity: 'error', params: { column: '完成时限' } },
  { name: 'text starting with =', change: { tasks: { P1T2: { measures: '=学习+宣传' } } }, code: 'VALIDATE_FORMULA_PREFIX', sheet: SHEET.p1, cell: 'D4', severity: 'warning' },
  { name: 'text starting with @', change: { tasks: { P2T6: { remark: '@张三 跟进' } } }, code: 'VALIDATE_FORMULA_PREFIX', sheet: SHEET.p2, cell: 'J5', severity: 'warning' },
  { name: 'text starting with - after spaces', change: { tasks: { P2T6: { remark: '\u3000-1' } } }, code: 'VALIDATE_FORMULA_PREFIX', sheet: SHEET.p2, cell: 'J5', severity: 'warning' },
  { name: 'text starting with a tab', change: { tasks: { P2T6: { progress: '\t正在推进' } } }, code: 'VALIDATE_FORMULA_PREFIX', sheet: SHEET.p2, cell: 'H5', severity: 'warning', params: { value: '⇥正在推进' } },
  { name: 'info text starting with +', change: { info: { reporter: '+赵老师' } }, code: 'VALIDATE_FORMULA_PREFIX', sheet: SHEET.info, cell: 'B4', severity: 'warning' },
];

test.each(CASES)('$name → $code', async (c) => {
  const { issues } = await fillAndValidate(withChanges(c.change));
  expect(issues.map((i) => [i.code, i.where.sheet, i.where.cell])).toEqual([[c.code, c.sheet, c.cell]]);
  const [found] = issues;
  expect(found!.severity).toBe(c.severity);
  if (c.taskId) expect(found!.where.taskId).toBe(c.taskId);
  expect(found!.params).toMatchObject(c.params ?? {});
  expect(found!.params).toHaveProperty('value');
  // Every code has a real message: no placeholder is left unfilled.
  expect(messageFor(found!.code, found!.params)).not.toMatch(/\{\w+\}|^VALIDATE_/);
});

test('inserted rows are checked for what they fill: a bad status, and overdue by their own status', async () => {
  const fill = withChanges({});
  fill.inserted = fill.inserted!.map((r) =>
    r.under === 'P2T6' ? { ...r, values: { ...r.values, status: '差不多了' } } : r.under === 'P2T5' ? { ...r, values: { ...r.values, status: '推进中', progress: null } } : r,
  );
  const { issues } = await fillAndValidate(fill);
  expect(issues.map((i) => [i.code, i.where.sheet, i.where.cell, i.where.taskId])).toEqual([
    ['VALIDATE_OVERDUE', SHEET.p2, 'G4', 'P2T5'],
    ['VALIDATE_STATUS_INVALID', SHEET.p2, 'I6', 'P2T6'],
  ]);
});

test('an inserted row without its own status is judged by its task row: overdue when the task is not done', async () => {
  const fill = withChanges({ tasks: { P2T5: { status: '推进中' } } });
  fill.inserted = fill.inserted!.map((r) => (r.under === 'P2T5' ? { ...r, values: { measures: '补充举措', deadline: '2024-07-15' } } : r));
  const { issues } = await fillAndValidate(fill);
  expect(issues.map((i) => [i.code, i.where.cell, i.params.due])).toEqual([
    ['VALIDATE_OVERDUE', 'G3', '2024-06-30'],
    ['VALIDATE_OVERDUE', 'G4', '2024-07-15'],
  ]);
});

test('several problems come back sorted: 填报说明 first, then sheets in order, rows, columns', async () => {
  const { issues } = await fillAndValidate(
    withChanges({ info: { phone: 'x' }, tasks: { P4T11: { owner: null, unit: null }, P1T3: { status: '好' }, P1T1: { deadline: '随时' } } }),
  );
  expect(issues.map((i) => `${i.where.sheet}!${i.where.cell} ${i.code}`)).toEqual([
    `${SHEET.info}!B5 VALIDATE_INFO_PHONE_INVALID`,
    `${SHEET.p1}!G3 VALIDATE_DEADLINE_UNKNOWN`,
    `${SHEET.p1}!G5 VALIDATE_OVERDUE`, // 好 is not 已完成, so 2024.6.30 is overdue
    `${SHEET.p1}!I5 VALIDATE_STATUS_INVALID`,
    `${SHEET.p4}!E3 VALIDATE_UNIT_MISSING`,
    `${SHEET.p4}!F3 VALIDATE_OWNER_MISSING`,
  ]);
});
