/**
 * Writer specifics beyond what the ledger and summary tests read back:
 * reproducible bytes, links, sheet states and views, the OOXML protection
 * flags, built-in names, validation serials, merges, row order, large sheets.
 */
import { excelSerialFromIso } from '../src/core/workbook/serial-dates';
import { TaizhangError } from '../src/core/issues';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { writeWorkbook } from '../src/xlsx/write/index';
import { samplePlan } from './fixtures/plan-sample';
import { loadExcel, part, sheet, workbookSpec } from './helpers/write-spec';

const read = (bytes: Uint8Array) => {
  const r = readWorkbook(bytes);
  if (!r.ok) throw new Error(r.issue.code);
  return r.workbook;
};

test('the same spec gives the same bytes; a given timestamp is written as created and modified', async () => {
  const spec = buildTemplateSpec(samplePlan(), { unit: '仪征市实验小学' });
  const a = await renderWorkbook(spec);
  await new Promise((resolve) => setTimeout(resolve, 1100)); // a clock-based timestamp would now differ
  expect(Buffer.from(await renderWorkbook(spec)).equals(Buffer.from(a))).toBe(true);
  const dated = await writeWorkbook(spec, { created: '2024-09-01T08:00:00Z' });
  expect(part(dated, 'docProps/core.xml')).toMatch(/<dcterms:created[^>]*>2024-09-01T08:00:00Z<\/dcterms:created><dcterms:modified[^>]*>2024-09-01T08:00:00Z</);
  const wb = await loadExcel(a);
  expect([wb.creator, wb.title]).toEqual(['taizhang', spec.title]);
});

test('internal links jump by location; external links get a relationship', async () => {
  const links = sheet('链接', [['去第二页', '官网']]);
  links.rows[0]!.cells[0]!.link = "#'第 二'!B7";
  links.rows[0]!.cells[1]!.link = 'https://example.org/a?b=1&c=2';
  const bytes = await writeWorkbook(workbookSpec([links, sheet('第 二', [['x']])]));
  const xml = part(bytes, 'xl/worksheets/sheet1.xml');
  expect(xml).toContain('<hyperlink ref="A1" location="\'第 二\'!B7" display="去第二页"/>');
  expect(xml).toContain('<hyperlink ref="B1" r:id="rId1" display="官网"/>');
  expect(part(bytes, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain(
    'Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"',
  );
  const ws = (await loadExcel(bytes)).worksheets[0]!;
  expect(ws.getCell('B1').value).toEqual({ text: '官网', hyperlink: 'https://example.org/a?b=1&c=2' });
  expect(ws.getCell('A1').text).toBe('去第二页');
});

test('sheet states, tab colour, column widths and hidden columns, row heights', async () => {
  const shown = sheet('显示', [['a', 'b']], {
    tabColor: 'c00000',
    columns: [
      { key: 'a', header: 'A', width: 12.5, locked: true, wrap: false, hidden: false },
      { key: 'b', header: 'B', width: 7, locked: true, wrap: false, hidden: true },
    ],
  });
  shown.rows[0]!.height = 33;
  const bytes = await writeWorkbook(workbookSpec([shown, sheet('隐藏', [['h']], { state: 'hidden' }), sheet('深藏', [['v']], { state: 'veryHidden' })]));
  expect(read(bytes).sheets.map((s) => [s.name, s.state])).toEqual([['显示', 'visible'], ['隐藏', 'hidden'], ['深藏', 'veryHidden']]);
  const ws = (await loadExcel(bytes)).worksheets[0]!;
  expect(ws.properties.tabColor).toEqual({ argb: 'FFC00000' });
  expect([ws.getColumn(1).width, ws.getColumn(1).hidden, ws.getColumn(2).width, ws.getColumn(2).hidden]).toEqual([12.5, false, 7, true]);
  expect(ws.getRow(1).height).toBe(33);
});

test('frozen panes: rows only, columns only, both', async () => {
  const views = [
    { rows: 2, columns: 0, pane: '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>' },
    { rows: 0, columns: 1, pane: '<pane xSplit="1" topLeftCell="B1" activePane="topRight" state="frozen"/>' },
    { rows: 1, columns: 3, pane: '<pane xSplit="3" ySplit="1" topLeftCell="D2" activePane="bottomRight" state="frozen"/>' },
  ];
  const bytes = await writeWorkbook(workbookSpec(views.map((v, i) => sheet(`S${i}`, [['x']], { freeze: { rows: v.rows, columns: v.columns } }))));
  views.forEach((v, i) => expect(part(bytes, `xl/worksheets/sheet${i + 1}.xml`)).toContain(v.pane));
});

test('protection flags are written inverted: an allowed action is "0", a forbidden one keeps its default', async () => {
  const allowAll = { allowFormatColumns: true, allowFormatRows: true, allowSort: true, allowAutoFilter: true, allowSelectLockedCells: true };
  const allowNone = { allowFormatColumns: false, allowFormatRows: false, allowSort: false, allowAutoFilter: false, allowSelectLockedCells: false };
  const bytes = await writeWorkbook(workbookSpec([sheet('全开', [['x']], { protection: allowAll }), sheet('全锁', [['x']], { protection: allowNone })]));
  expect(part(bytes, 'xl/worksheets/sheet1.xml')).toContain('<sheetProtection sheet="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>');
  expect(part(bytes, 'xl/worksheets/sheet2.xml')).toContain('<sheetProtection sheet="1" selectLockedCells="1"/>');
});

test('auto filter, print area and print titles become the built-in names Excel writes, local to their sheet', async () => {
  const spec = buildTemplateSpec(samplePlan(), { unit: '仪征市实验小学' });
  const bytes = await writeWorkbook(spec);
  const xml = part(bytes, 'xl/workbook.xml');
  const first = spec.sheets[1]!.name;
  expect(xml).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'${first}'!$A$2:$J$6</definedName>`);
  expect(xml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'${first}'!$A$1:$J$6</definedName>`);
  expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'${first}'!$1:$2</definedName>`);
  expect(part(bytes, 'xl/worksheets/sheet2.xml')).toMatch(/^.*<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/s);
  expect(read(bytes).definedNames).toEqual(expect.arrayContaining([{ name: '_xlnm.Print_Area', ref: `'${first}'!$A$1:$J$6`, localSheet: first }]));
});

test('validations: inline list, date between serials, prompt-only; conditional format with its dxf', async () => {
  const spec = workbookSpec([
    sheet('校验', [['x']], {
      validations: [
        { kind: 'list', range: 'A1:A9', values: ['是', '否', '说 "好"'], allowBlank: true, error: { title: '错', text: '请选择' } },
        { kind: 'date', range: 'B1', min: '2000-01-01', max: '2099-12-31', allowBlank: false },
        { kind: 'any', range: 'C1', allowBlank: true, prompt: { title: '提示', text: '写明原因' } },
      ],
      conditionalFormats: [{ range: 'A1:C9', formula: 'AND($A1<>"",$B1<TODAY())', style: { fill: 'FFC7CE', fontColor: '9C0006' } }],
    }),
  ]);
  const bytes = await writeWorkbook(spec);
  const xml = part(bytes, 'xl/worksheets/sheet1.xml');
  expect(xml).toContain('<formula1>"是,否,说 ""好"""</formula1>');
  expect(xml).toContain(`<formula1>${excelSerialFromIso('2000-01-01')}</formula1><formula2>${excelSerialFromIso('2099-12-31')}</formula2>`);
  expect(xml).toContain('<dataValidation allowBlank="1" showInputMessage="1" promptTitle="提示" prompt="写明原因" sqref="C1"/>');
  expect(xml).toContain('<cfRule type="expression" dxfId="0" priority="1"><formula>AND($A1&lt;&gt;"",$B1&lt;TODAY())</formula></cfRule>');
  expect(part(bytes, 'xl/styles.xml')).toContain('<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/>');
  expect(read(bytes).sheets[0]!.dataValidations.map((v) => [v.sqref, v.type])).toEqual([['A1:A9', 'list'], ['B1', 'date'], ['C1', 'none']]);
});

test('merged cells take the style of their top-left cell; rows and cells out of order are written in order', async () => {
  const s = sheet('合并', [], { merges: ['A1:C2'] });
  s.rows = [
    { row: 3, cells: [{ col: 2, value: 'b3', style: 'text' }, { col: 1, value: 'a3', style: 'text' }] },
    { row: 1, cells: [{ col: 1, value: '标题', style: 'header' }] },
  ];
  const bytes = await writeWorkbook(workbookSpec([s]));
  const xml = part(bytes, 'xl/worksheets/sheet1.xml');
  const refs = [...xml.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)].map((m) => [m[1], m[2]]);
  const header = refs[0]![1];
  expect(refs.map((r) => r[0])).toEqual(['A1', 'B1', 'C1', 'A2', 'B2', 'C2', 'A3', 'B3']);
  expect(refs.slice(0, 6).every((r) => r[1] === header)).toBe(true);
  expect(read(bytes).sheets[0]!.cells.map((c) => [c.address, c.value])).toEqual([['A1', '标题'], ['A3', 'a3'], ['B3', 'b3']]);
});

test('a cell naming an unknown style or a non-finite number is a fault, not a broken file', async () => {
  const unknown = sheet('坏', [['x']]);
  unknown.rows[0]!.cells[0]!.style = 'nope';
  await expect(writeWorkbook(workbookSpec([unknown]))).rejects.toThrow(TaizhangError);
  await expect(writeWorkbook(workbookSpec([sheet('坏', [[Number.NaN]])]))).rejects.toThrow(/FAULT|finite|程序内部错误/);
});

test('a 30,000-row sheet renders and reads back complete', async () => {
  const rows = Array.from({ length: 30_000 }, (_, r) => [`学校${r % 2000}`, r, '已完成']);
  const bytes = await writeWorkbook(workbookSpec([sheet('明细', rows)]));
  const back = read(bytes).sheets[0]!;
  expect([back.maxRow, back.maxCol, back.cells.length]).toEqual([30_000, 3, 90_000]);
  expect(back.cells.slice(-3).map((c) => c.value)).toEqual(['学校1999', 29_999, '已完成']);
  expect(part(bytes, 'xl/sharedStrings.xml')).toContain('uniqueCount="2001"');
});
