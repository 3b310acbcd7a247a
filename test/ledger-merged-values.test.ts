/**
 * A value merged down over several task rows (one 责任单位 or 状态 for a group
 * of tasks, as clerks often do) belongs to every task under it: in the ledger,
 * so in the summary's 明细 and 汇总 too, not only to the merge's top task.
 */
import { rollUp } from '../src/core/rollup/roll-up';
import type { Ledger } from '../src/core/ledger/ledger-types';
import { checkSubmission } from '../src/app/check-submission';
import { fillLedger, type FillOptions } from './helpers/fill-ledger';
import { AS_OF, goodFill, seedIndex, seedPlan, SHEET, withChanges } from './helpers/validate-fixture';

async function checked(fill: FillOptions): Promise<{ ledger: Ledger; codes: string[] }> {
  const result = checkSubmission(await fillLedger(seedPlan, fill), '实验小学.xlsx', seedIndex, { asOf: AS_OF });
  if (result.status !== 'checked') throw new Error(result.issue.code);
  return { ledger: result.ledger, codes: result.issues.map((i) => i.code) };
}

const taskRow = (ledger: Ledger, taskId: string) => ledger.rows.find((r) => r.kind === 'task' && r.taskId === taskId)!;

test('责任单位 and 状态 merged over two tasks: the lower task has them, from the merge’s top cell', async () => {
  const fill = withChanges({
    tasks: { P4T13: { unit: '纪检组', status: '已完成', progress: '已开展警示教育。' }, P4T14: { progress: '已开展纪律教育。' } },
    merges: [
      { taskId: 'P4T13', key: 'unit', rows: 2 },
      { taskId: 'P4T13', key: 'status', rows: 2 },
    ],
  });
  const { ledger, codes } = await checked(fill);
  const top = taskRow(ledger, 'P4T13');
  const lower = taskRow(ledger, 'P4T14');
  expect(lower.row).toBe(top.row + 1);
  // The value keeps the address it has in the file: the top cell.
  expect(lower.cells.unit).toEqual(top.cells.unit);
  expect(lower.cells.unit).toMatchObject({ sheet: SHEET.p4, address: `E${top.row}`, text: '纪检组' });
  expect(lower.cells.status?.text).toBe('已完成');
  expect(codes).toEqual([]);

  const rollup = rollUp([{ file: '实验小学.xlsx', result: { status: 'checked', ledger, issues: [] } }], seedIndex, { asOf: AS_OF });
  const detail = rollup.details.find((d) => d.taskId === 'P4T14')!;
  expect([detail.unit, detail.status]).toEqual(['纪检组', '已完成']);
  const taskIndex = seedPlan.pillars.flatMap((p) => p.tasks).findIndex((t) => t.id === 'P4T14');
  expect(rollup.schools[0]!.states[taskIndex]).toBe('已完成');
});

test('a merge over rows a school inserted under a task fills them, and 工作任务 merged over them keeps them extra rows', async () => {
  const fill: FillOptions = {
    ...goodFill(),
    inserted: [
      { under: 'P2T6', values: { measures: '补充举措一' } },
      { under: 'P2T6', values: { measures: '补充举措二' } },
    ],
    merges: [
      { taskId: 'P2T6', key: 'task', rows: 3 },
      { taskId: 'P2T6', key: 'owner', rows: 3 },
    ],
  };
  const { ledger } = await checked(fill);
  const rows = ledger.rows.filter((r) => r.taskId === 'P2T6');
  expect(rows.map((r) => r.kind)).toEqual(['task', 'extra', 'extra']);
  const owner = rows[0]!.cells.owner;
  expect(owner?.text).toBeTruthy();
  expect(rows.map((r) => r.cells.owner)).toEqual([owner, owner, owner]);
  // 工作任务 is not copied down: it says which task a row is, and the inserted rows are not that task again.
  expect(rows.slice(1).map((r) => r.cells.task)).toEqual([undefined, undefined]);
});

test('a row under a merge with nothing else written in it is not a ledger row', async () => {
  // The merge runs from the last task of a sheet down over two empty rows below it.
  const shape = (ledger: Ledger) => ledger.rows.map((r) => [r.sheet, r.row, r.kind, r.taskId]);
  const plain = await checked(goodFill());
  const merged = await checked({ ...goodFill(), merges: [{ taskId: 'P4T14', key: 'unit', rows: 3 }] });
  expect(shape(merged.ledger)).toEqual(shape(plain.ledger));
  expect(taskRow(merged.ledger, 'P4T14').cells.unit).toEqual(taskRow(plain.ledger, 'P4T14').cells.unit);
});

test('an overdue 完成时限 merged over a task and its inserted row is one problem, not one per row', async () => {
  const fill = withChanges({
    tasks: { P2T6: { deadline: '2024-08-15', status: '推进中' } },
    inserted: [{ under: 'P2T6', values: { measures: '补充举措' } }],
    merges: [{ taskId: 'P2T6', key: 'deadline', rows: 2 }],
  });
  const { ledger } = await checked(fill);
  const rows = ledger.rows.filter((r) => r.taskId === 'P2T6');
  expect(rows.map((r) => [r.kind, r.cells.deadline?.text])).toEqual([
    ['task', '2024-08-15'],
    ['extra', '2024-08-15'],
  ]);
  const result = checkSubmission(await fillLedger(seedPlan, fill), '实验小学.xlsx', seedIndex, { asOf: AS_OF });
  const overdue = result.status === 'checked' ? result.issues.filter((i) => i.code === 'VALIDATE_OVERDUE') : [];
  expect(overdue.map((i) => [i.where.cell, i.where.taskId])).toEqual([[`G${rows[0]!.row}`, 'P2T6']]);
});

test('状态 已完成 merged over two tasks: the lower task is done too, so its 完成情况 is asked for', async () => {
  const fill = withChanges({
    tasks: { P4T13: { status: '已完成', progress: '已开展警示教育。' }, P4T14: { progress: null } },
    merges: [{ taskId: 'P4T13', key: 'status', rows: 2 }],
  });
  const { ledger, codes } = await checked(fill);
  expect(codes).toEqual(['VALIDATE_PROGRESS_MISSING']);
  const lower = taskRow(ledger, 'P4T14');
  const result = checkSubmission(await fillLedger(seedPlan, fill), '实验小学.xlsx', seedIndex, { asOf: AS_OF });
  expect(result.status === 'checked' && result.issues.map((i) => [i.where.cell, i.where.taskId])).toEqual([[`H${lower.row}`, 'P4T14']]);
});
