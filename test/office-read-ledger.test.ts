/**
 * 校验 reads only the ledger's own sheets (found by the workbook's names, the
 * metadata sheet and the template's sheet names), so a large sheet of the
 * user's cannot fail the check; and a ledger sheet Excel cannot read whole
 * (values null above 5,000,000 cells, merged areas above 512) is reported for
 * that sheet while the rest is checked.
 */
import { ledgerSheetNames, metaListedSheets } from '../src/core/ledger/ledger-sheets';
import { generateInExcel } from '../src/office/generate';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { validateInExcel } from '../src/taskpane/excel/validate-open';
import { excelMock, type SheetState, type UsedRangeData } from './helpers/excel-mock';
import { BROKEN, liveLedger } from './helpers/live-ledger';
import { AS_OF, brief, seedPlan, validateBytes } from './helpers/validate-fixture';

/** A used range of `rows` × 26 columns whose arrays are never built (the mock reads null above the cell limit). */
function huge(name: string, rows: number): UsedRangeData {
  return { address: `'${name}'!A1:Z${rows}`, values: [], valueTypes: [], numberFormat: [], formulas: [] };
}

/** A small sheet with `count` merged pairs down column A. */
function manyMerges(name: string, count: number): UsedRangeData {
  const rows = count * 2;
  const column = <T,>(v: T) => Array.from({ length: rows }, () => [v]);
  const merges = Array.from({ length: count }, (_, i) => `'${name}'!A${2 * i + 1}:A${2 * i + 2}`).join(', ');
  return { address: `'${name}'!A1:A${rows}`, values: column('x'), valueTypes: column('String'), numberFormat: column('General'), formulas: column('x'), merges };
}

const sheetNamed = (sheets: SheetState[], prefix: string) => sheets.find((s) => s.name.startsWith(prefix))!;

describe('校验 reads the ledger’s sheets only', () => {
  test('the user’s own sheets (one over 5,000,000 cells, one with 600 merged areas) are never read, and the check is the file’s', async () => {
    const users = [{ name: '全校花名册', used: huge('全校花名册', 200_000) }, { name: '排课表', used: manyMerges('排课表', 600) }];
    const { mock, bytes } = await liveLedger(13, BROKEN, {}, users);
    const result = await validateInExcel(seedPlan, { asOf: AS_OF }, mock.env);
    if (!result.ok || result.status !== 'checked') throw new Error(JSON.stringify(result).slice(0, 300));
    expect(brief(result.issues.filter((i) => i.code.startsWith('VALIDATE_')))).toEqual(brief(validateBytes(bytes).issues));
    expect(mock.calls.usedReads).not.toContain('全校花名册');
    expect(mock.calls.usedReads).not.toContain('排课表');
    expect(result.syncs).toBe(2);
  });

  test('a ledger generated in Excel 1.3 next to a clashing sheet (no workbook names before 1.4): found through the metadata, in 3 syncs', async () => {
    const spec = buildTemplateSpec(seedPlan);
    const clash = spec.sheets[1]!.name;
    const mock = excelMock(3, [{ name: 'Sheet1' }, { name: clash }]);
    const generated = await generateInExcel(spec, mock.env, { token: 'g' });
    if (!generated.ok) throw new Error(generated.error.message);
    const result = await validateInExcel(seedPlan, { asOf: AS_OF }, mock.env);
    if (!result.ok || result.status !== 'checked') throw new Error(JSON.stringify(result).slice(0, 300));
    expect(result.ledger.sheets.map((s) => s.name)).toContain(`${clash}（2）`);
    expect(result.ledger.sheets.map((s) => s.name)).not.toContain(clash);
    expect(result.ledger.rows.filter((r) => r.kind === 'task' && r.taskId?.startsWith('P1T')).length).toBe(seedPlan.pillars[0]!.tasks.length);
    expect(result.syncs).toBe(3);
  });
});

describe('a ledger sheet Excel cannot read whole is reported for that sheet', () => {
  test('more than 512 merged areas (getMergedAreasOrNullObject fails): read without them, with a warning on that sheet', async () => {
    const { mock } = await liveLedger(13, BROKEN);
    const pillar = sheetNamed(mock.sheets, '二');
    pillar.used = { ...pillar.used!, merges: Array.from({ length: 513 }, (_, i) => `'${pillar.name}'!M${i + 10}:N${i + 10}`).join(', ') };
    const result = await validateInExcel(seedPlan, { asOf: AS_OF }, mock.env);
    if (!result.ok || result.status !== 'checked') throw new Error(JSON.stringify(result).slice(0, 300));
    const warning = result.issues.find((i) => i.code === 'OFFICE_MERGES_UNREAD');
    expect(warning).toMatchObject({ severity: 'warning', where: { sheet: pillar.name } });
    // The broken cells of pillar 1 are still found: the check ran.
    expect(result.issues.some((i) => i.code.startsWith('VALIDATE_') && i.where.sheet?.startsWith('一'))).toBe(true);
  });

  test('a sheet whose values come back null (over 5,000,000 cells): an error on that sheet, the other sheets checked', async () => {
    const { mock } = await liveLedger(13, BROKEN);
    const pillar = sheetNamed(mock.sheets, '三');
    pillar.used = huge(pillar.name, 250_000);
    const result = await validateInExcel(seedPlan, { asOf: AS_OF }, mock.env);
    if (!result.ok || result.status !== 'checked') throw new Error(JSON.stringify(result).slice(0, 300));
    expect(result.issues.find((i) => i.code === 'OFFICE_SHEET_TOO_LARGE')).toMatchObject({ severity: 'error', where: { sheet: pillar.name } });
    expect(result.issues.some((i) => i.code.startsWith('VALIDATE_') && i.where.sheet?.startsWith('一'))).toBe(true);
  });
});

describe('which sheets are the ledger’s (core/ledger/ledger-sheets)', () => {
  test('fixed sheets, TZ_P names (workbook scope only), template names; in tab order; the user’s sheets left out', () => {
    const sheets = ['成绩', '填报说明', "一、师德's建设", '二、队伍建设', '_taizhang', '我的草稿', '三、其他'];
    const names = [
      { name: 'TZ_P1', ref: "'一、师德''s建设'!$A$1" },
      { name: 'TZ_P3', ref: "'我的草稿'!$A$1", localSheet: '我的草稿' }, // sheet-scoped: not ours
      { name: 'Print_Area', ref: "'成绩'!$A$1:$B$2" },
    ];
    expect(ledgerSheetNames(sheets, names, ['二、队伍建设', '四、不存在'])).toEqual(['填报说明', "一、师德's建设", '二、队伍建设', '_taizhang']);
    expect(metaListedSheets(sheets, { templateId: 'x', templateVersion: 1, planTitle: '', tasks: [{ taskId: 'P3T1', sheetName: '三、其他', row: 3 }] })).toEqual(['三、其他']);
    expect(metaListedSheets(sheets, undefined)).toEqual([]);
  });
});
