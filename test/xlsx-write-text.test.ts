/**
 * Text through the SpreadsheetML writer: markup characters, characters XML
 * cannot carry, literal `_xHHHH_`, edge spaces and formula-looking strings all
 * come back exactly through our reader (shared and inline strings) and
 * through exceljs (shared strings, the default).
 */
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { writeWorkbook } from '../src/xlsx/write/index';
import { loadExcel, part, sheet, workbookSpec } from './helpers/write-spec';

const TEXTS = [
  'a < b && c > d "quoted" \'single\'',
  '<c r="A1"><f>1+1</f></c>',
  'bell\u0007 null\u0000 esc\u001b vt\u000b ff\u000c end',
  'literal _x0041_ and _x005F_ and _xZZZZ_',
  '  两端空格  ',
  '第一行\n第二行\r\n第三行\t制表',
  '\uFFFF\uFFFE',
  '𠀀 emoji 😀',
];
const FORMULAS = ['=1+1', '+86 138 1234 5678', '-', '-1', '@张三', '=HYPERLINK("http://evil.example","点我")', '==', '=SUM(A1:A3)'];
const ALL = [...TEXTS, ...FORMULAS];

const spec = workbookSpec([sheet('文本', ALL.map((t) => [t, 42]))]);

describe.each(['shared', 'inline'] as const)('%s strings', (strings) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeWorkbook(spec, { strings });
  });

  test('our reader returns every string unchanged, as a string, with no formula', () => {
    const read = readWorkbook(bytes, { fileName: 'text.xlsx' });
    if (!read.ok) throw new Error(read.issue.code);
    const cells = read.workbook.sheets[0]!.cells;
    expect(cells.filter((c) => c.col === 1).map((c) => [c.type, c.value, c.formula])).toEqual(ALL.map((t) => ['string', t, undefined]));
    expect(cells.filter((c) => c.col === 2).map((c) => c.value)).toEqual(ALL.map(() => 42));
  });

  test('the sheet XML has no formula element and no raw control character', () => {
    const xml = part(bytes, 'xl/worksheets/sheet1.xml') + (strings === 'shared' ? part(bytes, 'xl/sharedStrings.xml') : '');
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain('_x0007_');
    expect(xml).toContain('_x005F_x0041_'); // a literal _x0041_ is escaped, not decoded
    expect(xml).toContain('<t xml:space="preserve">  两端空格  </t>');
  });
});

// exceljs decodes `_xHHHH_` in shared strings only, so this is checked on the default (shared) output.
test('exceljs reads the same strings back from renderWorkbook', async () => {
  const ws = (await loadExcel(await renderWorkbook(spec))).worksheets[0]!;
  ALL.forEach((t, i) => expect([i, ws.getCell(i + 1, 1).value]).toEqual([i, t]));
  ALL.forEach((_, i) => expect(ws.getCell(i + 1, 1).formula).toBeUndefined());
});

test('shared strings: each distinct text once, cells refer to it by index', async () => {
  const bytes = await writeWorkbook(workbookSpec([sheet('重复', Array.from({ length: 50 }, () => ['仪征市实验小学', '已完成']))]));
  const sst = part(bytes, 'xl/sharedStrings.xml');
  expect(sst).toContain('count="100" uniqueCount="2"');
  expect(sst.match(/<si>/g)).toHaveLength(2);
  expect(part(bytes, 'xl/worksheets/sheet1.xml')).toMatch(/<c r="B50" s="\d+" t="s"><v>1<\/v><\/c>/);
});

test('sheet names, defined names, prompts and headers with markup and control characters stay well-formed', async () => {
  const tricky = sheet('A&B <名单>', [['x']], {
    validations: [{ kind: 'any', range: 'A1', allowBlank: true, prompt: { title: '提示"&"', text: '第一行\n第二行\u0001' } }],
    print: {
      orientation: 'portrait',
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 1, right: 1, top: 1, bottom: 1, header: 0.5, footer: 0.5 },
      horizontalCentered: false,
      header: '&C仪征 && 扬州 <2024>',
      footer: '',
    },
  });
  const bytes = await renderWorkbook(workbookSpec([tricky], { definedNames: [{ name: 'TZ_X', refersTo: "'A&B <名单>'!$A$1" }] }));
  const ws = (await loadExcel(bytes)).getWorksheet('A&B <名单>')!;
  expect(ws.getCell('A1').value).toBe('x');
  expect(ws.headerFooter.oddHeader).toBe('&C仪征 && 扬州 <2024>');
  const dv = (ws as unknown as { dataValidations: { model: Record<string, { promptTitle: string; prompt: string }> } }).dataValidations.model.A1;
  expect(dv).toMatchObject({ promptTitle: '提示"&"', prompt: '第一行\n第二行' });
  const read = readWorkbook(bytes);
  expect(read.ok && read.workbook.definedNames).toEqual([{ name: 'TZ_X', ref: "'A&B <名单>'!$A$1" }]);
});
