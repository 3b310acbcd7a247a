/**
 * The file page's controller (browser mode) with the real work chunk and a
 * recording view: each action reaches the use cases with what the user
 * picked, and what comes back reaches the view as the same sentences, files
 * and problems the CLI gives for the same bytes.
 */
import { checkAgainstPlan } from '../src/app/check-submission';
import { parseColumnChoice } from '../src/core/plan/table/roles';
import { generateLedger } from '../src/app/generate-ledger';
import { accountingLines } from '../src/core/summary/build-summary';
import { FileController, type FileView } from '../src/taskpane/browser/controller';
import type { PaneInputs } from '../src/taskpane/pane-inputs';
import * as work from '../src/taskpane/work/index';
import { readWorkbook } from '../src/xlsx/read/index';
import { rollupScenario } from './helpers/e2e-rollup';
import { fillLedger } from './helpers/fill-ledger';
import { AS_OF, seedPlan, withChanges } from './helpers/validate-fixture';

// The page bundles the seed plan as text (webpack asset/source); under jest it is read from disk.
jest.mock('../seeds/yizheng-2024-party-building-plan.txt', () => ({
  __esModule: true,
  default: require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'),
}));

function setUp(picked: Partial<PaneInputs> = {}) {
  const shown: { what: keyof FileView; args: any[] }[] = [];
  const record = (what: keyof FileView) => (...args: unknown[]) => void shown.push({ what, args });
  const view: FileView = {
    progress: () => undefined, planProblems: record('planProblems'), outline: record('outline'), generated: record('generated'), checked: record('checked'),
    annotated: record('annotated'), rolledUp: record('rolledUp'), summaryReady: record('summaryReady'), reportReady: record('reportReady'),
  };
  const noFile = () => Promise.reject(new Error('not picked in this test'));
  const inputs: PaneInputs = {
    plan: async () => undefined, unit: () => '仪征市实验小学', asOf: () => AS_OF,
    submission: noFile, schoolFiles: noFile, roster: async () => undefined, ...picked,
  };
  let loads = 0;
  const controller = new FileController(async () => (loads++, work), inputs, view);
  const shownAs = (what: keyof FileView): any[] => shown.filter((s) => s.what === what).map((s) => s.args);
  return { controller, shownAs, loads: () => loads };
}

const cellsOf = (bytes: Uint8Array) => {
  const read = readWorkbook(bytes, { fileName: 'x.xlsx' });
  if (!read.ok) throw new Error(read.issue.code);
  return read.workbook.sheets.map((s) => [s.name, s.cells.map((c) => `${c.address}=${c.value}`)]);
};

describe('生成台账 on files', () => {
  test('offers the same ledger as the CLI makes for the seed plan and the unit, with its size in the headline', async () => {
    const t = setUp();
    await t.controller.generate();
    const [[made]] = t.shownAs('generated');
    expect(made.headline).toBe(`已生成台账：${seedPlan.title}-仪征市实验小学-台账.xlsx（4 个大项，14 项任务）。`);
    expect(made.file.fileName).toBe(`${seedPlan.title}-仪征市实验小学-台账.xlsx`);
    expect(cellsOf(made.file.bytes)).toEqual(cellsOf((await generateLedger(seedPlan, '仪征市实验小学')).bytes));
    expect(t.loads()).toBe(1);
  });

  test('a plan with errors gives no ledger: its problems are shown', async () => {
    const t = setUp({ plan: async () => ({ name: '空.txt', bytes: new Uint8Array() }) });
    await t.controller.generate();
    expect(t.shownAs('generated')).toEqual([]);
    expect(t.shownAs('planProblems')[0]![0]).toEqual([expect.objectContaining({ code: 'PLAN_EMPTY', severity: 'error' })]);
  });
});

describe('校验 on files', () => {
  test('reports the CLI’s problems under the shared headline, then makes the annotated copy of that file', async () => {
    const bytes = await fillLedger(seedPlan, withChanges({ tasks: { P1T2: { owner: null } }, info: { phone: '12345' } }));
    const file = { name: '二中.xlsx', bytes };
    const t = setUp({ submission: async () => file });
    await t.controller.validate();
    const expected = checkAgainstPlan(seedPlan, file, { asOf: AS_OF });
    if (expected.status !== 'checked') throw new Error('fixture refused');
    const [[report]] = t.shownAs('checked');
    const errors = expected.issues.filter((i) => i.severity === 'error').length;
    const warnings = expected.issues.filter((i) => i.severity === 'warning').length;
    expect(errors).toBeGreaterThan(0);
    expect(report).toEqual({
      headline: `校验“二中.xlsx”（依据《${seedPlan.title}》，逾期按 ${AS_OF} 判断）：共 ${errors} 个错误，${warnings} 个警告。`,
      tone: 'bad',
      issues: expected.issues,
      annotatable: true,
    });

    await t.controller.annotate();
    const [[check, copy]] = t.shownAs('annotated');
    expect(check).toBe(report);
    expect(copy.file.fileName).toBe('二中-校验标注.xlsx');
    expect(copy.text).toMatch(/^标注副本已生成（.+）。$/);
    const sheets = cellsOf(copy.file.bytes).map(([name]) => name);
    expect(sheets[0]).toBe('校验结果');
    expect(file.bytes).toBe(bytes);
  });

  test('a file that is not a ledger is refused with its code, and no copy is offered', async () => {
    const t = setUp({ submission: async () => ({ name: '名单.xlsx', bytes: new TextEncoder().encode('学校,人数\n实验小学,3\n') }) });
    await t.controller.validate();
    const [[report]] = t.shownAs('checked');
    expect(report.annotatable).toBe(false);
    expect(report.headline).toContain('：文件无法校验。');
    expect(report.issues.map((i: { code: string }) => i.code)).toEqual(['XLSX_READ_TEXT_FILE']);
    await t.controller.annotate();
    expect(t.shownAs('annotated')).toEqual([]);
  });
});

describe('汇总 on files', () => {
  test('rolls up the picked files with the roster into the CLI’s accounting, then offers the summary file', async () => {
    const scenario = await rollupScenario();
    const t = setUp({ schoolFiles: async () => scenario.files, roster: async () => ({ name: '名单.txt', bytes: new TextEncoder().encode(scenario.roster) }) });
    await t.controller.rollUp();
    const [[rolled]] = t.shownAs('rolledUp');
    expect(rolled.lines).toEqual(accountingLines(scenario.expected.accounting));
    expect(rolled.rollup.schools.map((s: { name: string; status: string }) => `${s.name} ${s.status}`)).toEqual(
      scenario.expected.schools.map((s) => `${s.name} ${s.status}`),
    );
    // A roster school sent nothing and one file is broken: not green, and the headline says both, counted.
    const errors = scenario.expected.problems.filter((p) => p.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(rolled.headline).toBe(`已汇总 4 个文件、${scenario.expected.schools.length} 所学校（逾期按 ${AS_OF} 判断）：1 所学校未报送，1 个文件无法读取，${errors} 个错误，见下方。`);
    expect(rolled.tone).toBe('warn');
    expect(rolled.gaps).toEqual({ missing: 1, refused: 1, errors });
    const [[again, file]] = t.shownAs('summaryReady');
    expect(again).toBe(rolled);
    expect(file.fileName).toBe(`${seedPlan.title}-汇总-${AS_OF}.xlsx`);
    expect(cellsOf(file.bytes).map(([name]) => name)).toContain('数据核对');

    // The 通报 draft of the same roll-up, as a Word file naming the school that sent nothing.
    await t.controller.report();
    const [[draft]] = t.shownAs('reportReady');
    expect(draft.fileName).toBe(`${seedPlan.title}-通报-${AS_OF}.docx`);
    expect([...draft.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const text = require('node:child_process').execFileSync('/usr/bin/python3', ['-c', 'import sys,zipfile,io;sys.stdout.write(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).read("word/document.xml").decode())'], { input: Buffer.from(draft.bytes), encoding: 'utf8' });
    expect(text).toContain('仪征市真州小学');
  });
});

describe('查看识别结果', () => {
  const fourLevel = () => ({ name: 'four-level-2025.txt', bytes: new Uint8Array(require('node:fs').readFileSync(require('node:path').join(__dirname, 'fixtures', 'plans', 'shapes', 'four-level-2025.txt'))) });

  test('shows the seed’s outline as `taizhang parse` prints it, before anything is made', async () => {
    const t = setUp();
    await t.controller.preview();
    const [[view]] = t.shownAs('outline');
    expect(view.tone).toBe('good');
    const texts = view.lines.map((l: { text: string }) => l.text);
    expect(texts[0]).toBe(`${seedPlan.title}（${seedPlan.year} 年）`);
    expect(texts).toContain('共 4 个大项，14 项任务。');
    expect(view.lines.filter((l: { depth: number; text: string }) => l.depth === 0 && /^[一二三四]、/.test(l.text))).toHaveLength(4);
    expect(t.shownAs('generated')).toEqual([]);
  });

  test('a plan with several numbered levels: the page says which carries the tasks, and the clerk’s choice is what every action reads', async () => {
    let level: 2 | 3 | 4 | undefined;
    const t = setUp({ plan: async () => fourLevel(), reading: () => (level ? { taskLevel: level } : {}) });
    await t.controller.preview();
    const [[auto]] = t.shownAs('outline');
    const levelLine = auto.lines.find((l: { text: string }) => l.text.startsWith('任务取自'))!.text;
    expect(levelLine).toContain('请在“任务在哪一级”中改选');
    expect(levelLine).not.toContain('--task-level');
    const autoTasks = Number(/共 \d+ 个大项，(\d+) 项任务/.exec(auto.lines.map((l: { text: string }) => l.text).join('\n'))![1]);

    level = 2;
    await t.controller.preview();
    const [, [chosen]] = t.shownAs('outline');
    const chosenText = chosen.lines.map((l: { text: string }) => l.text).join('\n');
    expect(chosenText).toContain('（按所选）');
    const chosenTasks = Number(/共 \d+ 个大项，(\d+) 项任务/.exec(chosenText)![1]);
    expect(chosenTasks).not.toBe(autoTasks);

    await t.controller.generate();
    const [[made]] = t.shownAs('generated');
    expect(made.headline).toContain(`${chosenTasks} 项任务`);
  });
});

test('a task table: the clerk’s column choice (任务分解表的列) is what the page reads', async () => {
  const table = { name: 'category-column-2025.xlsx', bytes: new Uint8Array(require('node:fs').readFileSync(require('node:path').join(__dirname, 'fixtures', 'plans', 'tables', 'category-column-2025.xlsx'))) };
  let columns: string | undefined;
  const t = setUp({ plan: async () => table, reading: () => (columns ? { columns: (parseColumnChoice(columns) as { choice: never }).choice } : {}) });
  await t.controller.preview();
  columns = '责任单位=无';
  await t.controller.preview();
  const [[auto], [chosen]] = t.shownAs('outline');
  const units = (view: { lines: { text: string }[] }) => view.lines.filter((l) => l.text.includes('责任单位：')).length;
  expect(units(auto)).toBeGreaterThan(0);
  expect(units(chosen)).toBe(0);
});
