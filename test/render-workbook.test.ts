import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { META_TASK_HEADER_ROW } from '../src/core/template/meta-sheet';
import { pillarColumn } from '../src/core/template/pillar-sheet';
import { COLUMN_KEYS, META_SHEET_NAME } from '../src/core/template/constants';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { samplePlan } from './fixtures/plan-sample';

const plan = samplePlan();
const spec = buildTemplateSpec(plan, { unit: '仪征市实验小学' });

/** exceljs keeps read conditional formats on the worksheet but leaves them out of its type declarations. */
const conditionalFormats = (ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
let bytes: Uint8Array;
let wb: ExcelJS.Workbook;

/** exceljs keeps these on the worksheet but leaves them out of its type declarations. */
interface Internals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation & { type: string }> };
  sheetProtection: Record<string, unknown> | null;
}
const internals = (ws: ExcelJS.Worksheet): Internals => ws as unknown as Internals;

beforeAll(async () => {
  bytes = await renderWorkbook(spec);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

test('sheet names, order and states', () => {
  expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual(spec.sheets.map((s) => [s.name, s.state]));
  expect(wb.getWorksheet(META_SHEET_NAME)!.state).toBe('veryHidden');
});

test('pillar sheets: merged full title, header texts, one row per task with title and body', () => {
  plan.pillars.forEach((pillar, p) => {
    const ws = wb.worksheets[p + 1]!;
    expect(ws.getCell('A1').value).toBe(`${pillar.numeral}、${pillar.title}`);
    expect(ws.getCell('J1').isMerged).toBe(true);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号', '工作任务', '工作要求', '具体举措', '责任单位', '责任人', '完成时限', '完成情况', '状态', '备注', '任务编号',
    ]);
    pillar.tasks.forEach((task, i) => {
      const row = ws.getRow(3 + i);
      expect(row.getCell(pillarColumn('seq')).value).toBe(task.no);
      expect(row.getCell(pillarColumn('task')).value).toBe(task.title);
      expect(row.getCell(pillarColumn('requirement')).value).toBe(task.body);
      expect(row.getCell(pillarColumn('taskId')).value).toBe(task.id);
      expect(row.height).toBe(spec.sheets[p + 1]!.rows.find((r) => r.row === 3 + i)!.height);
    });
    expect(ws.getRow(3 + pillar.tasks.length).getCell(pillarColumn('task')).value).toBeNull();
    expect(ws.getColumn(pillarColumn('taskId')).hidden).toBe(true);
    // every width is written, none left to the application default
    spec.sheets[p + 1]!.columns.forEach((c, i) => expect([c.key, ws.getColumn(i + 1).width]).toEqual([c.key, c.width]));
  });
  expect(wb.worksheets[1]!.getCell('E4').value).toBe('基础教育科、教研室');
  expect(wb.worksheets[1]!.getCell('G4').value).toBe('2024年6月底前');
});

test('状态 drop-down with its error message and the 完成时限 prompt are on every task row', () => {
  const ws = wb.worksheets[4]!; // 4 tasks, rows 3–6
  const model = internals(ws).dataValidations.model;
  for (const row of [3, 4, 5, 6]) {
    expect(model[`I${row}`]).toMatchObject({
      type: 'list',
      formulae: ['"未开始,推进中,已完成"'],
      showErrorMessage: true,
      errorStyle: 'stop',
      error: expect.stringContaining('下拉箭头'),
    });
    expect(model[`G${row}`]).toMatchObject({ type: 'any', showInputMessage: true, prompt: expect.stringContaining('6月底前') });
  }
  expect(model.I7).toBeUndefined();
  const date = internals(wb.worksheets[0]!).dataValidations.model.B6;
  expect(date).toMatchObject({ type: 'date', showInputMessage: true });
});

test('fixed columns locked, input columns unlocked; sheets protected without a password', () => {
  const ws = wb.worksheets[1]!;
  for (const [i, key] of COLUMN_KEYS.entries()) {
    const locked = ['seq', 'task', 'requirement', 'taskId'].includes(key);
    expect([key, ws.getRow(3).getCell(i + 1).protection?.locked !== false]).toEqual([key, locked]);
  }
  for (const sheet of wb.worksheets) {
    const protection = internals(sheet).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection!.hashValue).toBeUndefined();
  }
  expect(internals(ws).sheetProtection).toMatchObject({ formatColumns: true, formatRows: true, autoFilter: true });
  expect(wb.worksheets[0]!.getCell('B3').value).toBe('仪征市实验小学');
  expect(wb.worksheets[0]!.getCell('B3').protection?.locked).toBe(false);
});

test('frozen header, overdue rule, auto filter', () => {
  const ws = wb.worksheets[1]!;
  expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
  expect(conditionalFormats(ws)[0]).toMatchObject({
    ref: 'A3:J6',
    rules: [expect.objectContaining({ type: 'expression', formulae: ['AND(ISNUMBER($G3),$G3<TODAY(),$I3<>"已完成")'] })],
  });
  expect(ws.autoFilter).toBe('A2:J6');
});

test('metadata sheet content', () => {
  const ws = wb.getWorksheet(META_SHEET_NAME)!;
  expect(ws.getCell('A1').value).toBe('templateId');
  expect(ws.getCell('B1').value).toBe(spec.templateId);
  expect(ws.getCell('B2').value).toBe(1);
  expect(ws.getCell('B4').value).toBe(2024);
  const ids: unknown[] = [];
  for (let r = META_TASK_HEADER_ROW + 1; r <= META_TASK_HEADER_ROW + 14; r++) ids.push(ws.getCell(r, 1).value);
  expect(ids).toEqual(plan.pillars.flatMap((p) => p.tasks.map((t) => t.id)));
  expect((ws.getRow(META_TASK_HEADER_ROW + 14).values as unknown[]).slice(1, 6)).toEqual(['P4T14', 4, 14, '四、狠抓党的纪律建设', 6]);
});

test('defined names and a locked workbook structure', () => {
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  expect(names).toEqual(
    expect.arrayContaining([
      { name: 'TZ_P1', ranges: ["'一、加强政治建设'!$A$1"] },
      { name: 'TZ_P4', ranges: ["'四、狠抓党的纪律建设'!$A$1"] },
      { name: 'TZ_UNIT', ranges: ["'填报说明'!$B$3"] },
    ]),
  );
  const workbookXml = strFromU8(unzipSync(bytes)['xl/workbook.xml']!);
  expect(workbookXml).toMatch(/<workbookProtection lockStructure="1"\/><sheets>/);
});

test('page setup: A4 landscape, one page wide, print titles, header and footer', () => {
  for (const [p, ws] of wb.worksheets.slice(1, 5).entries()) {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(ws.pageSetup.margins!.left).toBeCloseTo(0.98, 2);
    expect(ws.pageSetup.printArea).toBe(`A1:J${2 + plan.pillars[p]!.tasks.length}`);
    expect(ws.headerFooter.oddHeader).toBe('&C&"黑体,Regular"仪征市教育系统 2024 年党建统群工作要点');
    expect(ws.headerFooter.oddFooter).toContain('&C&"仿宋,Regular"第 &P 页 共 &N 页');
  }
  expect(wb.worksheets[0]!.pageSetup.orientation).toBe('portrait');
});

test('every written cell has a Chinese font set', () => {
  let count = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        count += 1;
        expect([ws.name, cell.address, cell.font?.name]).toEqual([ws.name, cell.address, expect.stringMatching(/^(黑体|仿宋)$/)]);
      }),
    );
  }
  const written = spec.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.cells.length, 0), 0);
  expect(count).toBeGreaterThanOrEqual(written);
});
