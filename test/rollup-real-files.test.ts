/**
 * Roll-up of real workbooks: seed-plan ledgers filled the way schools fill
 * them (real date cells, serials, rich text, formulas, inserted rows), read
 * and checked by `checkSubmission` as the CLI does, then rolled up.
 */
import { rollUp, type SubmissionInput } from '../src/core/rollup/roll-up';
import { buildSummarySpec } from '../src/core/summary/build-summary';
import { checkSubmission } from '../src/app/check-submission';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { fillLedger } from './helpers/fill-ledger';
import { AS_OF, goodFill, seedIndex, seedPlan, withChanges } from './helpers/validate-fixture';

function asInput(bytes: Uint8Array, file: string): SubmissionInput {
  const check = checkSubmission(bytes, file, seedIndex, { asOf: AS_OF });
  return {
    file,
    result:
      check.status === 'refused'
        ? { status: 'refused', issue: check.issue }
        : { status: 'checked', ledger: check.ledger, issues: check.issues, date1904: check.workbook.date1904 },
  };
}

let inputs: SubmissionInput[];

beforeAll(async () => {
  const later = withChanges({
    info: { date: '2024年8月31日', reporter: '钱老师' },
    tasks: { P4T14: { status: '已完成', progress: '已完成。' } },
  });
  const other = withChanges({ info: { unit: '真州小学' }, tasks: { P1T2: { status: '推进中' } } });
  inputs = [
    asInput(await fillLedger(seedPlan, goodFill()), '实验小学/台账.xlsx'),
    asInput(await fillLedger(seedPlan, later), '实验小学/台账-改.xlsx'),
    asInput(await fillLedger(seedPlan, other), '真州小学.xlsx'),
    asInput(new TextEncoder().encode('学校,任务\n'), '月塘小学.xlsx'),
  ];
});

test('states read from real cells: statuses with spaces and formulas, inserted rows, deadlines as dates and serials', () => {
  const r = rollUp(inputs, seedIndex, { roster: ['仪征市实验小学', '真州小学', '月塘小学'], asOf: AS_OF });
  const school = r.schools.find((s) => s.name === '仪征市实验小学')!;
  expect(school.status).toBe('重复报送');
  expect(school.kept).toBe('实验小学/台账-改.xlsx');
  const byNo = Object.fromEntries(r.tasks.map((t, i) => [t.no, school.states[i]]));
  expect(byNo).toEqual({
    1: '已完成', 2: '已完成', 3: '已完成', 4: '已完成', 5: '已完成',
    6: '推进中', 7: '推进中', 8: '推进中', 9: '推进中', 10: '推进中',
    11: '推进中', 12: '推进中', 13: '推进中', 14: '已完成',
  });
  // The task 2 deadline (2024/6/30) has passed and 真州小学 has not finished it.
  expect(r.schools.find((s) => s.name === '真州小学')!.states[1]).toBe('逾期');
  expect(r.changes.map((c) => [c.task, c.column, c.old, c.new])).toEqual([
    ['填报说明', '填报人', '赵老师', '钱老师'],
    ['填报说明', '填报日期', '2024-08-30', '2024年8月31日'],
    [`14. ${seedPlan.pillars[3]!.tasks[3]!.title}`, '完成情况', '', '已完成。'],
    [`14. ${seedPlan.pillars[3]!.tasks[3]!.title}`, '状态', '未开始', '已完成'],
  ]);
  expect(r.schools.find((s) => s.name === '月塘小学')!.status).toBe('无法读取');
});

test('every row read is in 明细, and the accounting balances', async () => {
  const r = rollUp(inputs, seedIndex, { asOf: AS_OF });
  const rowsInFiles = inputs.reduce((n, i) => n + (i.result.status === 'checked' ? i.result.ledger.rows.length : 0), 0);
  expect(rowsInFiles).toBe(3 * 23);
  expect(r.accounting).toMatchObject({ filesFound: 4, filesRead: 3, filesRefused: 1, rowsRead: rowsInFiles, detailRows: rowsInFiles, balanced: true });
  const read = readWorkbook(await renderWorkbook(buildSummarySpec(r, seedIndex)), { fileName: 'summary.xlsx' });
  if (!read.ok) throw new Error(read.issue.code);
  const detail = read.workbook.sheets.find((s) => s.name === '明细')!;
  const header = detail.cells.find((c) => c.col === 1 && c.value === '学校')!.row;
  expect(new Set(detail.cells.filter((c) => c.row > header && c.col === 1).map((c) => c.row)).size).toBe(rowsInFiles);
  // The real date cell of task 13 is shown as the calendar date, understood as itself.
  const t13 = r.details.find((d) => d.file === '真州小学.xlsx' && d.kind === 'task' && d.seq === '13')!;
  expect([t13.deadline, t13.deadlineRead]).toEqual(['2024-11-30', '2024-11-30']);
});
