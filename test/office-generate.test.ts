/**
 * 生成台账 inside Excel, against a mocked workbook with requirement sets
 * switched: what each Excel gets, what it is told was skipped, the sync count
 * whatever the size, existing sheets untouched, nothing half-written.
 */
import { generateInExcel } from '../src/office/generate';
import { describeIssue } from '../src/core/issues';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { excelMock, OfficeError, sheetNamesInXlsx, type ExcelMock } from './helpers/excel-mock';
import { seedPlan } from './helpers/seed-plan';
import { specWithTasks } from './helpers/office-specs';

const spec = buildTemplateSpec(seedPlan());

/** Reads the application's calculation mode the way Office.js must: load, then sync. */
async function calcMode(mock: ExcelMock): Promise<unknown> {
  const app = mock.context.workbook.application;
  app.load('calculationMode');
  await mock.context.sync();
  return app.calculationMode;
}
const specNames = spec.sheets.map((s) => s.name);

describe('generateInExcel by requirement set', () => {
  test('ExcelApi 1.13 inserts the rendered sheets under temporary names, then renames them in one last sync', async () => {
    const mock = excelMock(13);
    const result = await generateInExcel(spec, mock.env, { token: 't1' });
    expect(result).toMatchObject({ ok: true, method: 'insert', sheets: specNames, syncs: 3 });
    expect(mock.inserted).toHaveLength(1);
    // The file that went in had only temporary names: nothing carried a real name before the last step.
    expect(sheetNamesInXlsx(mock.inserted[0]!)).toEqual(specNames.map((_, i) => `~tzt1-${i + 1}`));
    expect(mock.live().map((s) => s.mock.name)).toEqual(['Sheet1', ...specNames]);
    expect(mock.names.map((n) => n.name)).toEqual(spec.definedNames.map((n) => n.name));
    expect(mock.ranges).toEqual([]); // no range writes on this path
    if (!result.ok) throw new Error('unreachable');
    expect(result.notes.map((n) => n.code)).toEqual(['OFFICE_STRUCTURE_NOT_LOCKED']);
  });

  test('ExcelApi 1.7 builds through range APIs and names what it skipped', async () => {
    const mock = excelMock(7);
    const result = await generateInExcel(spec, mock.env, { token: 't2' });
    expect(result).toMatchObject({ ok: true, method: 'ranges', sheets: specNames, syncs: 3 });
    if (!result.ok) throw new Error('unreachable');
    const skipped = result.notes.filter((n) => n.code === 'OFFICE_SKIPPED_FEATURE').map((n) => n.params.need);
    expect(skipped).toEqual(['1.8', '1.9', '1.9']); // data validation, filter buttons, page layout
    expect(describeIssue(result.notes.find((n) => n.params.need === '1.8')!)).toContain('下拉选项和输入提示');
    expect(mock.inserted).toEqual([]);
    const pillar = mock.live().find((s) => s.mock.name === specNames[1])!;
    expect(pillar.protection.protected).toBe(true);
    expect(mock.ranges.some((r) => r.merged)).toBe(true);
    // Screen suspension is 1.9: not used here; calculation mode is never switched.
    expect(mock.calls.suspend).toBe(0);
    expect(await calcMode(mock)).toBe('Automatic');
    const meta = mock.live().find((s) => s.mock.name === '_taizhang')!;
    expect(meta.mock.visibility).toBe('VeryHidden');
  });

  test('ExcelApi 1.1 (volume-licensed Excel 2016) still gets values and formats, and is told what is missing', async () => {
    const mock = excelMock(1);
    const result = await generateInExcel(spec, mock.env, { token: 't3' });
    expect(result).toMatchObject({ ok: true, method: 'ranges', syncs: 3 });
    if (!result.ok) throw new Error('unreachable');
    const skipped = new Set(result.notes.filter((n) => n.code === 'OFFICE_SKIPPED_FEATURE').map((n) => n.params.feature));
    for (const f of ['合并单元格', '工作表保护', '逾期标红（条件格式）', '下拉选项和输入提示（数据验证）', '打印设置和打印标题', '冻结窗格', '工作簿名称（TZ_P1 等）']) {
      expect(skipped).toContain(f);
    }
    expect(mock.ranges.some((r) => r.merged)).toBe(false);
    expect(mock.live().every((s) => !s.protection.protected)).toBe(true);
    expect(mock.names).toEqual([]);
    const header = mock.ranges.find((r) => r.sheet === '~tzt3-2' && Array.isArray(r.values) && (r.values as unknown[][])[1]?.[0] === '序号');
    expect(header).toBeDefined();
  });

  test('1.9+ range path suspends screen updating for the write batch and for the last step (which activates sheets to freeze their panes)', async () => {
    const mock = excelMock(12);
    const result = await generateInExcel(spec, mock.env, { token: 't4', render: undefined as never });
    expect(result).toMatchObject({ ok: true, method: 'ranges', syncs: 3 });
    expect(mock.calls.suspend).toBe(2);
    expect(mock.calls.calcSets).toEqual([]); // calculation mode is application-wide: never switched
  });
});

describe('generateInExcel: sync count does not grow with rows', () => {
  test.each([1, 7, 13])('ExcelApi 1.%i: the same syncs for 10 and 10,000 task rows', async (minor) => {
    const small = excelMock(minor);
    const large = excelMock(minor);
    const a = await generateInExcel(specWithTasks(10), small.env, { token: 's' });
    const b = await generateInExcel(specWithTasks(10_000), large.env, { token: 'l' });
    expect(a.ok && b.ok).toBe(true);
    expect(b.syncs).toBe(a.syncs);
    expect(large.syncs()).toBe(small.syncs());
    expect(a.syncs).toBe(3);
    // Every row really went in: title, header and 10,000 task rows on the first pillar sheet.
    if (minor === 13) {
      expect(large.inserted).toHaveLength(1); // the whole ledger in one insert
      expect(large.inserted[0]!.length).toBeGreaterThan(10 * small.inserted[0]!.length);
    } else {
      const rowsWritten = large.ranges.filter((r) => r.sheet === '~tzl-2' && r.values).reduce((n, r) => n + (r.values as unknown[][]).length, 0);
      expect(rowsWritten).toBe(10_002);
    }
  });
});

describe('generateInExcel next to the user’s sheets', () => {
  test('a clash gets a new name; the user’s sheet keeps its name and content', async () => {
    const mock = excelMock(7, [{ name: '填报说明' }, { name: specNames[1]! }]);
    const result = await generateInExcel(spec, mock.env, { token: 'c' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sheets[0]).toBe('填报说明（2）');
    expect(result.sheets[1]).toBe(`${specNames[1]}（2）`);
    const users = mock.sheets.filter((s) => !s.added);
    expect(users.map((s) => s.mock.name)).toEqual(['填报说明', specNames[1]]);
    expect(mock.ranges.filter((r) => users.some((u) => u.mock.name === r.sheet))).toEqual([]);
    expect(result.notes.filter((n) => n.code === 'OFFICE_SHEET_RENAMED').map((n) => n.params.newName)).toEqual(['填报说明（2）', `${specNames[1]}（2）`]);
    // The metadata sheet names the sheet the tasks really went to.
    const metaValues = mock.ranges.filter((r) => r.values !== undefined && r.sheet.startsWith('~tz')).flatMap((r) => (r.values as unknown[][]).flat());
    expect(metaValues).toContain(`${specNames[1]}（2）`);
  });

  test('a workbook name that already exists is not added again', async () => {
    const mock = excelMock(13);
    mock.names.push({ name: 'TZ_P1', reference: "='x'!$A$1" });
    const result = await generateInExcel(spec, mock.env, { token: 'n' });
    if (!result.ok) throw new Error(result.error.message);
    expect(mock.names.filter((n) => n.name === 'TZ_P1')).toHaveLength(1);
    expect(result.notes.some((n) => n.code === 'OFFICE_NAME_EXISTS' && n.params.name === 'TZ_P1')).toBe(true);
  });
});

describe('generateInExcel when Office fails mid-way', () => {
  test.each([
    [7, 2, 'write batch'],
    [7, 3, 'rename step'],
    [13, 2, 'insert'],
    [13, 3, 'rename step'],
  ])('ExcelApi 1.%i, failing at sync %i (%s): no sheet left under a final or temporary name', async (minor, at) => {
    const mock = excelMock(minor);
    mock.failSync(at, new OfficeError('InvalidOperation', 'The workbook is protected.'));
    const result = await generateInExcel(spec, mock.env, { token: 'f' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('OFFICE_PROTECTED');
    expect(result.error.message).toContain('撤消工作表保护');
    expect(result.error.officeCode).toBe('InvalidOperation');
    expect(mock.live().map((s) => s.mock.name)).toEqual(['Sheet1']);
    expect(await calcMode(mock)).toBe('Automatic');
  });

  test('an error while reading the workbook comes back as a zh-CN failure, not a throw', async () => {
    const mock = excelMock(7);
    mock.failSync(1, new OfficeError('InvalidOperationInCellEditMode', 'cell edit mode'));
    const result = await generateInExcel(spec, mock.env);
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFICE_CELL_EDITING' } });
    expect(mock.sheets.filter((s) => s.added)).toEqual([]);
  });
});
