/**
 * The Excel pane's view models, in node: the capability line on Excel 2016
 * (ExcelApi 1.1), 2019 (1.7) and 2021/365 (1.13); problems grouped by sheet;
 * Office failures with their codes; the notes the adapter returns.
 */
import { issue, messageFor } from '../src/core/issues';
import { FEATURES } from '../src/office/capabilities';
import { toOfficeFailure } from '../src/office/office-errors';
import { skippedNotes } from '../src/office/write-spec';
import { capabilitiesFor } from '../src/office/capabilities';
import { browserPageUrl, capabilityView, failureView, generatedView, summaryWrittenView, validatedView } from '../src/taskpane/excel/view-model';
import { groupBySheet } from '../src/core/report/issue-groups';

const URL_ = 'https://intranet.example.edu/taizhang/taskpane.html';

test('the browser page is this page without Office query and hash', () => {
  expect(browserPageUrl(`${URL_}?_host_Info=Excel$Win32$16.01$zh-CN$$$$0#x`)).toBe(URL_);
  expect(browserPageUrl(URL_)).toBe(URL_);
});

test('Excel 2016 (ExcelApi 1.1): everything above 1.1 listed as missing, by version, with the browser page', () => {
  const view = capabilityView(1, URL_);
  expect(view).toMatchObject({ usable: true, tone: 'partial', browserUrl: URL_ });
  // The line speaks of what is missing; the requirement sets are in the details line.
  expect(view.text).not.toContain('ExcelApi');
  expect(view.details).toMatch(/^支持到 ExcelApi 1\.1。合并单元格、.*：需要 ExcelApi 1\.2。/);
  expect(view.missing.map((g) => g.need)).toEqual(['ExcelApi 1.2', 'ExcelApi 1.4', 'ExcelApi 1.6', 'ExcelApi 1.7', 'ExcelApi 1.8', 'ExcelApi 1.9', 'ExcelApi 1.10', 'ExcelApi 1.13']);
  expect(view.missing[0]!.features).toEqual(['合并单元格', '列宽和行高', '单元格锁定', '工作表保护', FEATURES.sheetVisibility.zh]);
  // Every feature that needs more than 1.1 is named once.
  const named = view.missing.flatMap((g) => g.features).sort();
  expect(named).toEqual(Object.values(FEATURES).filter((f) => f.minor > 1).map((f) => f.zh).sort());
});

test('Excel 2019 (ExcelApi 1.7): only 1.8 and up is missing', () => {
  const view = capabilityView(7, URL_);
  expect(view.tone).toBe('partial');
  expect(view.text).not.toContain('ExcelApi');
  expect(view.details).toContain('支持到 ExcelApi 1.7。');
  expect(view.details).toContain(`${FEATURES.dataValidation.zh}：需要 ExcelApi 1.8。`);
  expect(view.missing.map((g) => g.need)).toEqual(['ExcelApi 1.8', 'ExcelApi 1.9', 'ExcelApi 1.10', 'ExcelApi 1.13']);
  expect(view.missing[0]!.features).toContain(FEATURES.dataValidation.zh);
  expect(view.missing.flatMap((g) => g.features)).not.toContain(FEATURES.freezePanes.zh);
});

test('Excel 2021/365 (ExcelApi 1.13): nothing missing', () => {
  const view = capabilityView(13, URL_);
  expect(view).toMatchObject({ usable: true, tone: 'good', missing: [] });
  expect(view.text).not.toContain('ExcelApi');
  expect(view.details).toBe('支持到 ExcelApi 1.13。');
  expect(capabilityView(16, URL_).missing).toEqual([]);
});

test('no ExcelApi at all: not usable, the file actions and the browser page remain', () => {
  const view = capabilityView(0, URL_);
  expect(view).toMatchObject({ usable: false, tone: 'bad', browserUrl: URL_ });
  expect(view.text).not.toContain('ExcelApi');
  expect(view.details).toContain('ExcelApi 1.1');
});

test('problems are grouped by sheet in the order found; problems without a sheet form 整个文件', () => {
  const items = [
    issue('VALIDATE_OWNER_MISSING', 'error', { sheet: '一、加强政治建设', cell: 'E5' }, { task: '1' }),
    issue('VALIDATE_OWNER_MISSING', 'error', { sheet: '二、夯实组织体系建设', cell: 'E7' }, { task: '2' }),
    issue('VALIDATE_OWNER_MISSING', 'warning', { sheet: '一、加强政治建设', cell: 'E9' }, { task: '3' }),
    issue('OFFICE_BUSY', 'error', {}, { detail: 'x' }),
  ];
  const groups = groupBySheet(items);
  expect(groups.map((g) => [g.title, g.items.map((i) => i.cell ?? '')])).toEqual([
    ['工作表“一、加强政治建设”', ['E5', 'E9']],
    ['工作表“二、夯实组织体系建设”', ['E7']],
    ['整个文件', ['']],
  ]);
  expect(groups[0]!.items[1]).toMatchObject({ sheet: '一、加强政治建设', severity: 'warning', severityZh: '警告', code: 'VALIDATE_OWNER_MISSING' });
  const view = validatedView('某计划', '2024-09-01', items);
  expect(view).toMatchObject({ tone: 'bad', markable: 3 });
  expect(view.headline).toContain('共 3 个错误，1 个警告');
  expect(validatedView('某计划', '2024-09-01', []).headline).toContain('没有发现问题');
});

test('an Office error keeps its code, Excel’s code and the advice', () => {
  const view = failureView(toOfficeFailure({ code: 'InvalidOperation', message: 'The sheet is protected.' }));
  expect(view.code).toBe('OFFICE_PROTECTED');
  expect(view.officeCode).toBe('InvalidOperation');
  expect(view.message).toContain('撤消工作表保护');
  expect(failureView(toOfficeFailure({ code: 'InvalidOperationInCellEditMode' })).code).toBe('OFFICE_CELL_EDITING');
});

test('notes for skipped features name the feature and the version it needs', () => {
  const notes = skippedNotes(['dataValidation', 'pageLayout'], capabilitiesFor(7));
  const view = generatedView({ method: 'ranges', sheets: ['填报说明', '一、加强政治建设'], notes }, { pillars: 1, tasks: 3, issues: [] });
  expect(view.headline).toContain('跳过了 2 项功能');
  expect(view.headline).toContain('逐区域写入');
  expect(view.notes).toEqual(notes.map((n) => ({ code: 'OFFICE_SKIPPED_FEATURE', severity: 'warning', text: messageFor(n.code, n.params) })));
  expect(view.notes[0]!.text).toContain(FEATURES.dataValidation.zh);
  expect(view.notes[0]!.text).toContain('ExcelApi 1.8');
});

test('the summary written into the workbook names the sheets a clerk can open, not the hidden round record', () => {
  const view = summaryWrittenView({ sheets: ['报送情况', '汇总', '数据核对', '_taizhang_summary'], notes: [] });
  expect(view.text).toBe('已把汇总表写入当前工作簿：报送情况、汇总、数据核对。也可以下载汇总表文件。');
  expect(view.sheets).toEqual(['报送情况', '汇总', '数据核对']);
});
