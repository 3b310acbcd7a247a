/**
 * The Excel pane's controller with the Office adapter faked and the real
 * plan/roll-up code: each action makes the right adapter call with the right
 * spec, index and options, and what comes back reaches the view (problems by
 * sheet, picked problems selected, marks, skipped-feature notes, Office errors).
 */
import { issue } from '../src/core/issues';
import { indexTemplate } from '../src/core/ledger/template-index';
import { accountingLines, buildSummarySpec } from '../src/core/summary/build-summary';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { capabilitiesFor, FEATURES } from '../src/office/capabilities';
import type { OfficeEnv } from '../src/office/env';
import { toOfficeFailure } from '../src/office/office-errors';
import { skippedNotes } from '../src/office/write-spec';
import { ExcelController, type ExcelDeps, type PaneInputs, type PaneView } from '../src/taskpane/excel/controller';
import { ledgerSpec, pickedPlan } from '../src/taskpane/work/for-excel';
import { rollUpFiles } from '../src/taskpane/work/rollup';
import { checkSubmission } from '../src/app/check-submission';
import { rollupScenario } from './helpers/e2e-rollup';
import { fillLedger } from './helpers/fill-ledger';
import { AS_OF, seedPlan, withChanges } from './helpers/validate-fixture';

// The page bundles the seed plan as text (webpack asset/source); under jest it is read from disk.
jest.mock('../seeds/yizheng-2024-party-building-plan.txt', () => ({
  __esModule: true,
  default: require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'),
}));

type Adapter = Pick<ExcelDeps, 'generateInExcel' | 'validateInExcel' | 'markProblems' | 'clearMarks' | 'selectCell' | 'writeSummaryToExcel'>;

/** Never reached: the adapter is faked, so nothing may call Excel.run. */
const env: OfficeEnv = { run: () => Promise.reject(new Error('Excel.run called past the fake adapter')), isSetSupported: () => true };
const caps = capabilitiesFor(7);

function setUp(adapter: Partial<Adapter>, picked: Partial<PaneInputs> = {}) {
  const calls: { fn: string; args: unknown[] }[] = [];
  const fake = Object.fromEntries(
    Object.entries(adapter).map(([fn, impl]) => [fn, (...args: unknown[]) => (calls.push({ fn, args }), (impl as (...a: unknown[]) => unknown)(...args))]),
  ) as Partial<Adapter>;
  const unexpected = (fn: string) => () => Promise.reject(new Error(`${fn} should not be called`));
  const deps: ExcelDeps = {
    generateInExcel: unexpected('generateInExcel'), validateInExcel: unexpected('validateInExcel'), markProblems: unexpected('markProblems'),
    clearMarks: unexpected('clearMarks'), selectCell: unexpected('selectCell'), writeSummaryToExcel: unexpected('writeSummaryToExcel'),
    ...fake, ledgerSpec, pickedPlan, rollUpFiles,
  };
  const shown: { what: keyof PaneView; view: any }[] = [];
  const record = (what: keyof PaneView) => (view: unknown) => void shown.push({ what, view });
  const view: PaneView = {
    progress: () => undefined, planProblems: record('planProblems'), generated: record('generated'), validated: record('validated'),
    status: record('status'), rolledUp: record('rolledUp'), summaryWritten: record('summaryWritten'), summaryDownload: record('summaryDownload'), failure: record('failure'),
  };
  const inputs: PaneInputs = {
    plan: async () => undefined, unit: () => '仪征市实验小学', asOf: () => AS_OF, submission: () => Promise.reject(new Error('no file page in Excel')), schoolFiles: async () => [], roster: async () => undefined, ...picked,
  };
  const shownAs = (what: keyof PaneView) => shown.filter((s) => s.what === what).map((s) => s.view);
  return { controller: new ExcelController(deps, env, caps, inputs, view), calls, shown, shownAs };
}

describe('生成台账 in Excel', () => {
  test('writes the seed plan’s ledger spec with the unit, and lists skipped features and renamed sheets', async () => {
    const notes = [...skippedNotes(['dataValidation', 'pageLayout'], caps)];
    const t = setUp({ generateInExcel: async () => ({ ok: true, method: 'ranges', sheets: ['填报说明（2）', '一、加强政治建设'], notes, syncs: 3 }) });
    await t.controller.generate();
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]!.fn).toBe('generateInExcel');
    expect(t.calls[0]!.args).toEqual([buildTemplateSpec(seedPlan, { unit: '仪征市实验小学' }), env, { caps }]);
    const [made] = t.shownAs('generated');
    expect(made.headline).toContain('添加 2 张工作表（4 个大项，14 项任务');
    expect(made.notes.map((n: { text: string }) => n.text)).toEqual([
      expect.stringContaining(FEATURES.dataValidation.zh), expect.stringContaining(FEATURES.pageLayout.zh),
    ]);
    expect(t.shownAs('failure')).toEqual([]);
  });

  test('an Office error is shown with its code, Excel’s code and what to do', async () => {
    const t = setUp({ generateInExcel: async () => ({ ok: false, error: toOfficeFailure({ code: 'AccessDenied', message: 'read-only' }), notes: [], syncs: 1 }) });
    await t.controller.generate();
    expect(t.shownAs('generated')).toEqual([]);
    const [failure] = t.shownAs('failure');
    expect(failure).toMatchObject({ code: 'OFFICE_READ_ONLY', officeCode: 'AccessDenied' });
    expect(failure.message).toContain('启用编辑');
  });

  test('a plan with errors stops before Excel is touched', async () => {
    const t = setUp({}, { plan: async () => ({ name: '空.txt', bytes: new Uint8Array() }) });
    await t.controller.generate();
    expect(t.calls).toEqual([]);
    expect(t.shownAs('planProblems')[0]).toEqual([expect.objectContaining({ code: 'PLAN_EMPTY', severity: 'error' })]);
  });
});

describe('校验 in Excel', () => {
  async function realIssues() {
    const bytes = await fillLedger(seedPlan, withChanges({ tasks: { P1T2: { owner: null }, P3T8: { owner: null } }, info: { phone: '12345' } }));
    const check = checkSubmission(bytes, 'x.xlsx', indexTemplate(seedPlan), { asOf: AS_OF });
    if (check.status !== 'checked') throw new Error('fixture refused');
    return check;
  }

  test('validates the open workbook against the plan’s index, shows problems by sheet, selects, marks and clears', async () => {
    const check = await realIssues();
    const t = setUp({
      validateInExcel: async () => ({ ok: true, status: 'checked', ledger: check.ledger, snapshot: check.workbook as never, issues: check.issues, syncs: 2 }),
      selectCell: async () => ({ ok: true }),
      markProblems: async () => ({ ok: true, marked: 3, restored: 0, notes: [], syncs: 4 }),
      clearMarks: async () => ({ ok: true, marked: 0, restored: 3, notes: [], syncs: 3 }),
    });
    await t.controller.validate();
    expect(t.calls[0]).toEqual({ fn: 'validateInExcel', args: [seedPlan, { asOf: AS_OF, caps }, env] });
    const [report] = t.shownAs('validated');
    const sheets = [...new Set(check.issues.map((i) => i.where.sheet ?? ''))];
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    expect(report.groups.map((g: { sheet: string }) => g.sheet)).toEqual(sheets);
    expect(report.groups.flatMap((g: { items: { code: string; cell?: string }[] }) => g.items.map((i) => `${i.code} ${i.cell ?? ''}`))).toEqual(
      check.issues.map((i) => `${i.code} ${i.where.cell ?? ''}`),
    );
    expect(report.markable).toBe(check.issues.filter((i) => i.where.cell).length);

    const owner = check.issues.find((i) => i.code === 'VALIDATE_OWNER_MISSING')!;
    await t.controller.select(owner.where.sheet!, owner.where.cell!);
    expect(t.calls[1]).toEqual({ fn: 'selectCell', args: [owner.where.sheet, owner.where.cell, env] });

    await t.controller.mark();
    expect(t.calls[2]).toEqual({ fn: 'markProblems', args: [check.issues, env, caps] });
    await t.controller.clear();
    expect(t.calls[3]).toEqual({ fn: 'clearMarks', args: [env, caps] });
    expect(t.shownAs('status').map((s) => s.text)).toEqual([expect.stringContaining('标出 3 个问题单元格'), expect.stringContaining('已清除 3 个单元格的标记')]);
    expect(t.shownAs('failure')).toEqual([]);
  });

  test('a workbook that is not this plan’s ledger is refused, and nothing is left to mark', async () => {
    const check = await realIssues();
    const refusal = issue('LEDGER_NOT_TEMPLATE', 'error', {}, { file: '当前工作簿' });
    let status: 'checked' | 'refused' = 'checked';
    const t = setUp({
      validateInExcel: async () =>
        status === 'checked'
          ? { ok: true, status, ledger: check.ledger, snapshot: check.workbook as never, issues: check.issues, syncs: 2 }
          : { ok: true, status, issue: refusal, syncs: 2 },
      markProblems: async () => ({ ok: true, marked: 0, restored: 0, notes: [], syncs: 4 }),
    });
    await t.controller.validate();
    status = 'refused';
    await t.controller.validate();
    const refused = t.shownAs('validated')[1];
    expect(refused).toMatchObject({ tone: 'bad', markable: 0 });
    expect(refused.groups[0].items[0]).toMatchObject({ code: 'LEDGER_NOT_TEMPLATE', message: expect.stringContaining('当前工作簿') });
    await t.controller.mark();
    // The earlier check's issues are gone with the refusal: nothing stale gets marked.
    expect(t.calls.at(-1)).toEqual({ fn: 'markProblems', args: [[], env, caps] });
  });

  test('Office errors while reading, selecting or marking reach the view with their codes', async () => {
    const t = setUp({
      validateInExcel: async () => ({ ok: false, error: toOfficeFailure({ code: 'InvalidOperationInCellEditMode' }), syncs: 0 }),
      selectCell: async () => ({ ok: false, error: { code: 'OFFICE_SHEET_MISSING', message: '找不到工作表“一”', officeCode: 'ItemNotFound' } }),
      markProblems: async () => ({ ok: false, error: toOfficeFailure({ code: 'InvalidOperation', message: 'protected' }), syncs: 2 }),
    });
    await t.controller.validate();
    await t.controller.select('一', 'E5');
    await t.controller.mark();
    expect(t.shownAs('validated')).toEqual([]);
    expect(t.shownAs('failure').map((f) => [f.code, f.officeCode])).toEqual([
      ['OFFICE_CELL_EDITING', 'InvalidOperationInCellEditMode'],
      ['OFFICE_SHEET_MISSING', 'ItemNotFound'],
      ['OFFICE_PROTECTED', 'InvalidOperation'],
    ]);
  });
});

test('an Office error that escapes Excel.run is shown with its code; a bug of ours still surfaces as a fault', async () => {
  const officeError = Object.assign(new Error('The workbook is read-only.'), { code: 'AccessDenied' });
  const t = setUp({ clearMarks: () => Promise.reject(officeError), selectCell: () => Promise.reject(new TypeError('x is undefined')) });
  await t.controller.clear();
  expect(t.shownAs('failure')).toEqual([expect.objectContaining({ code: 'OFFICE_READ_ONLY', officeCode: 'AccessDenied' })]);
  expect(t.shownAs('status')).toEqual([]);
  await expect(t.controller.select('一', 'A1')).rejects.toThrow(TypeError);
});

describe('汇总 in Excel', () => {
  test('rolls up the picked files in the pane, writes the summary spec into the workbook and still offers the file', async () => {
    const scenario = await rollupScenario();
    const roster = { name: '名单.txt', bytes: new TextEncoder().encode(scenario.roster) };
    const t = setUp(
      { writeSummaryToExcel: async () => ({ ok: true, method: 'ranges', sheets: ['数据核对', '汇总'], notes: [], syncs: 3 }) },
      { schoolFiles: async () => scenario.files, roster: async () => roster },
    );
    await t.controller.rollUp();
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]!.fn).toBe('writeSummaryToExcel');
    expect(t.calls[0]!.args).toEqual([buildSummarySpec(scenario.expected, indexTemplate(seedPlan)), env, { caps }]);
    const [rolled] = t.shownAs('rolledUp');
    expect(rolled.lines).toEqual(accountingLines(scenario.expected.accounting));
    expect(t.shownAs('summaryWritten')[0].text).toContain('数据核对、汇总');
    const [file] = t.shownAs('summaryDownload');
    expect(file.fileName).toBe(`${seedPlan.title}-汇总-${AS_OF}.xlsx`);
    expect([...file.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  test('本期名称 from the pane is the title of the summary written into the workbook', async () => {
    const scenario = await rollupScenario();
    const t = setUp(
      { writeSummaryToExcel: async () => ({ ok: true, method: 'ranges', sheets: ['数据核对', '汇总'], notes: [], syncs: 3 }) },
      { schoolFiles: async () => scenario.files, roundLabel: () => '2024年第三季度' },
    );
    await t.controller.rollUp();
    const written = JSON.stringify(t.calls[0]!.args[0]);
    expect(written).toContain(`${seedPlan.title} 汇总（2024年第三季度）`);
    expect(written).not.toContain('汇总（2024年9月）');
  });

  test('上期汇总 picked in the pane gives the workbook’s summary 本期变化 and 进度趋势', async () => {
    const scenario = await rollupScenario();
    const first = await rollUpFiles(undefined, scenario.files, undefined, '2024-03-01', () => undefined);
    if (!first.ok) throw new Error('round 1 did not roll up');
    const previous = { name: '上期汇总.xlsx', bytes: await first.renderSummary() };
    const t = setUp(
      { writeSummaryToExcel: async () => ({ ok: true, method: 'ranges', sheets: ['数据核对', '汇总'], notes: [], syncs: 3 }) },
      { schoolFiles: async () => scenario.files, previousSummary: async () => previous },
    );
    await t.controller.rollUp();
    const sheets = (t.calls[0]!.args[0] as { sheets: { name: string }[] }).sheets.map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining(['本期变化', '进度趋势']));
  });

  test('a failed write is shown with its code and the download is still offered', async () => {
    const scenario = await rollupScenario();
    const t = setUp(
      { writeSummaryToExcel: async () => ({ ok: false, error: toOfficeFailure({ code: 'RequestPayloadSizeLimitExceeded' }), notes: [], syncs: 2 }) },
      { schoolFiles: async () => scenario.files.slice(0, 1) },
    );
    await t.controller.rollUp();
    expect(t.shownAs('failure')[0]).toMatchObject({ code: 'OFFICE_PAYLOAD_TOO_LARGE', officeCode: 'RequestPayloadSizeLimitExceeded' });
    expect(t.shownAs('summaryWritten')).toEqual([]);
    expect(t.shownAs('summaryDownload')).toHaveLength(1);
  });
});
