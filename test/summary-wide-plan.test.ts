/**
 * A plan with many tasks: one 汇总 sheet fitted one page wide would print too
 * small to read (42 tasks: about 40 %), so it becomes an overview of the
 * pillars' rates plus one 汇总 sheet per pillar, each narrow enough to print.
 * Checked on real files: the ledger rendered, filled, read and rolled up.
 */
import { fillSchool } from '../src/cli/demo/fill-school';
import { sampleSchoolFill } from '../src/cli/demo/sample-schools';
import { indexTemplate } from '../src/core/ledger/template-index';
import { parsePlan } from '../src/core/plan/index';
import { rollUp, type Rollup, type SubmissionInput } from '../src/core/rollup/roll-up';
import { buildSummarySpec, MATRIX_MAX_WIDTH } from '../src/core/summary/build-summary';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import type { SheetSpec } from '../src/core/workbook/spec';
import { checkSubmission } from '../src/app/check-submission';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';

const AS_OF = '2024-09-01';
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** A 工作要点 with six pillars of seven tasks, numbered 1–42 straight through, as bureau plans are. */
function widePlanText(): string {
  const lines = ['某区教育局 2024 年工作要点', ''];
  let no = 0;
  NUMERALS.forEach((numeral, p) => {
    lines.push(`${numeral}、第${numeral}方面工作`, '');
    for (let t = 0; t < 7; t++) lines.push(`${++no}. 第${p + 1}项第${t + 1}条任务。落实第${no}项工作要求，年底前完成。`, '');
  });
  return lines.join('\n');
}

const plan = parsePlan(widePlanText()).plan;
const index = indexTemplate(plan);
let rollup: Rollup;
let sheets: SheetSpec[];

beforeAll(async () => {
  const template = await renderWorkbook(buildTemplateSpec(plan));
  const inputs: SubmissionInput[] = [];
  for (const school of ['城东小学', '城西小学', '实验中学']) {
    const bytes = await fillSchool(template, sampleSchoolFill(plan, school, '2024-08-30'));
    const check = checkSubmission(bytes, `${school}.xlsx`, index, { asOf: AS_OF });
    if (check.status !== 'checked') throw new Error(check.issue.code);
    inputs.push({ file: `${school}.xlsx`, result: { status: 'checked', ledger: check.ledger, issues: check.issues } });
  }
  rollup = rollUp(inputs, index, { asOf: AS_OF });
  sheets = buildSummarySpec(rollup, index).sheets;
}, 60_000);

const widthOf = (sheet: SheetSpec): number => sheet.columns.reduce((sum, c) => sum + c.width, 0);
const headerCells = (sheet: SheetSpec): string[] => {
  const header = sheet.rows.find((r) => r.row === sheet.freeze!.rows)!;
  return header.cells.map((c) => String(c.value));
};

test('the plan is read as six pillars of seven tasks', () => {
  expect(plan.pillars.map((p) => p.tasks.length)).toEqual([7, 7, 7, 7, 7, 7]);
});

test('汇总 becomes an overview of rates and one sheet per pillar, each narrow enough to print one page wide', () => {
  const names = sheets.map((s) => s.name);
  expect(names.slice(0, 8)).toEqual(['报送情况', '汇总', ...NUMERALS.map((n) => `汇总（${n}）`)]);
  for (const sheet of sheets.filter((s) => s.name.startsWith('汇总'))) {
    expect([sheet.name, widthOf(sheet) <= MATRIX_MAX_WIDTH]).toEqual([sheet.name, true]);
    expect(sheet.print).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  }
  // The same plan on one sheet would have been far wider.
  expect(5 + 18 + 42 * 6.5 + 6 * 7 + 8).toBeGreaterThan(MATRIX_MAX_WIDTH * 1.5);
  expect(headerCells(sheets[1]!)).toEqual(['序号', '学校', '状态', ...NUMERALS, '总体', '序时进度', '红', '黄', '绿', '排名']);
});

test('each pillar sheet shows exactly its tasks, every school’s state for each, and the pillar’s rate', () => {
  const taskIds = rollup.tasks.map((t) => t.id);
  NUMERALS.forEach((numeral, p) => {
    const sheet = sheets.find((s) => s.name === `汇总（${numeral}）`)!;
    const ids = sheet.columns.slice(3, 10).map((c) => c.key);
    expect(ids).toEqual(rollup.tasks.filter((t) => t.pillarIndex === p).map((t) => t.id));
    expect(headerCells(sheet)).toEqual(['序号', '学校', '状态', ...rollup.tasks.filter((t) => t.pillarIndex === p).map((t) => String(t.no)), numeral, '总体', '序时进度', '红', '黄', '绿', '排名']);
    for (const school of rollup.schools) {
      const row = sheet.rows.find((r) => r.cells.some((c) => c.col === 2 && c.value === school.name))!;
      const states = row.cells.filter((c) => c.col >= 4 && c.col <= 10).map((c) => c.value);
      expect(states).toEqual(ids.map((id) => school.states[taskIds.indexOf(id)]));
      expect(row.cells.find((c) => c.col === 11)?.value).toBe(school.rates!.pillars[p]!.rate);
      expect(row.cells.find((c) => c.col === 12)?.value).toBe(school.rates!.overall.rate);
    }
  });
});

test('the wide summary renders and reads back with every sheet', async () => {
  const read = readWorkbook(await renderWorkbook(buildSummarySpec(rollup, index)));
  if (!read.ok) throw new Error(read.issue.code);
  expect(read.workbook.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
  const overview = read.workbook.sheets.find((s) => s.name === '汇总')!;
  expect(overview.cells.some((c) => c.value === '城东小学')).toBe(true);
});
