/**
 * The reader's fast paths (plain rows in sheet-row-fast.ts, plain shared strings
 * in shared-strings.ts) must read exactly what the general reading reads: same
 * cells, merges, validations, strings and warnings, in the same order. Checked
 * on files other programs wrote, on our own ledger as schools fill it, and on
 * generated sheets that mix plain rows with every shape the fast paths refuse.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fillSchool } from '../src/cli/demo/fill-school';
import { sampleSchoolFill } from '../src/cli/demo/sample-schools';
import { parsePlan } from '../src/core/plan/index';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { nativeLatin1 } from '../src/cli/native-inflate';
import { DEFAULT_LIMITS } from '../src/xlsx/read';
import { Warnings } from '../src/xlsx/read/refusal';
import { parseSharedStrings } from '../src/xlsx/read/shared-strings';
import { parseSheet, type SheetContent } from '../src/xlsx/read/sheet';
import { readPlainRow, RowCells } from '../src/xlsx/read/sheet-row-fast';
import { parseStyles, type CellFormats } from '../src/xlsx/read/styles';
import { decodeXml, type XmlSource } from '../src/xlsx/read/xml';
import { ZipArchive } from '../src/xlsx/read/zip';
import { renderWorkbook } from '../src/xlsx/render-workbook';

const REAL = path.join(__dirname, 'fixtures', 'real-world');
const FIXTURES = path.join(__dirname, 'fixtures', 'xlsx');

/** Both ways the reader sees a part: decoded text, or bytes with a Latin-1 view (the CLI's way). */
function sources(xml: string): XmlSource[] {
  return [xml, decodeXml(new TextEncoder().encode(xml), nativeLatin1)];
}

function readSheet(xml: XmlSource, fast: boolean, sharedStrings: string[], formats: CellFormats): { content: SheetContent; warnings: unknown[] } | { refused: string } {
  const warnings = new Warnings('t.xlsx');
  const limits = { ...DEFAULT_LIMITS, maxCellsPerSheet: 40 };
  try {
    const content = parseSheet(xml, { sheet: 'S', sharedStrings, formats, date1904: false, limits, warnings }, fast);
    return { content, warnings: warnings.finish() };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

function expectSameSheet(xml: string, sharedStrings: string[] = ['甲', 'b&c'], formats: CellFormats = [{ isDate: false }, { isDate: true, code: 'yyyy-mm-dd' }]): void {
  for (const source of sources(xml)) {
    expect(readSheet(source, true, sharedStrings, formats)).toEqual(readSheet(source, false, sharedStrings, formats));
  }
}

function expectSameStrings(xml: string): void {
  for (const source of sources(xml)) expect(parseSharedStrings(source, true)).toEqual(parseSharedStrings(source, false));
}

/** Every sheet and the shared strings of an .xlsx, read both ways. */
function expectSameWorkbook(bytes: Uint8Array): number {
  const zip = new ZipArchive(bytes, DEFAULT_LIMITS);
  const text = (part: string): string => new TextDecoder().decode(zip.read(part)!);
  const stringsXml = zip.has('xl/sharedStrings.xml') ? text('xl/sharedStrings.xml') : undefined;
  if (stringsXml) expectSameStrings(stringsXml);
  const sharedStrings = stringsXml ? parseSharedStrings(stringsXml, false) : [];
  const formats = zip.has('xl/styles.xml') ? parseStyles(text('xl/styles.xml')) : [];
  let sheets = 0;
  for (let i = 1; zip.has(`xl/worksheets/sheet${i}.xml`); i++, sheets++) {
    expectSameSheet(text(`xl/worksheets/sheet${i}.xml`), sharedStrings, formats);
  }
  return sheets;
}

test('files written by WPS, LibreOffice, Excel and others read the same with and without the fast paths', () => {
  const files = [
    ...fs.readdirSync(REAL).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(REAL, f)),
    ...fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIXTURES, f)),
  ];
  expect(files.length).toBeGreaterThanOrEqual(9);
  let sheets = 0;
  for (const file of files) sheets += expectSameWorkbook(new Uint8Array(fs.readFileSync(file)));
  expect(sheets).toBeGreaterThanOrEqual(files.length);
});

test('a filled ledger reads the same both ways, and its rows take the fast path', async () => {
  const seed = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8');
  const plan = parsePlan(seed).plan;
  const template = await renderWorkbook(buildTemplateSpec(plan));
  const filled = await fillSchool(template, sampleSchoolFill(plan, '仪征市实验小学', '2024-08-30'));
  expect(expectSameWorkbook(filled)).toBeGreaterThan(plan.pillars.length);
  // The fast path must actually be taken for the ledger's own rows, or it is speed for nothing.
  const zip = new ZipArchive(filled, DEFAULT_LIMITS);
  const xml = new TextDecoder().decode(zip.read('xl/worksheets/sheet2.xml'));
  const rows = [...xml.matchAll(/<row[^>]*[^/]>/g)];
  expect(rows.length).toBeGreaterThan(2);
  for (const row of rows) expect(readPlainRow(xml, undefined, row.index! + row[0].length, new RowCells())).toBeGreaterThan(row.index!);
});

test('readPlainRow reads plain cells and turns down every other shape', () => {
  const cells = new RowCells();
  const plain = '<c r="A1" s="2" t="s"><v>0</v></c><c r="B1"/><c r=\'C1\' t="n">\n<v>3.5</v>\n</c></row>';
  expect(readPlainRow(plain, undefined, 0, cells)).toBe(plain.length);
  expect(cells.count).toBe(3);
  expect([cells.addresses.slice(0, 3), cells.types.slice(0, 3), cells.styles.slice(0, 3), cells.values.slice(0, 3)]).toEqual([
    ['A1', 'B1', 'C1'],
    ['s', undefined, 'n'],
    ['2', undefined, undefined],
    ['0', undefined, '3.5'],
  ]);
  const refused = [
    '<c r="A1"><f>1+1</f><v>2</v></c></row>', // formula
    '<c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', // inline string
    '<c r="A1" x:t="s"><v>0</v></c></row>', // prefixed attribute
    '<c r="A1" r="B1"><v>0</v></c></row>', // repeated attribute
    '<c r = "A1"><v>0</v></c></row>', // spaces around =
    '<c s="1"><v>0</v></c></row>', // no r
    '<c r="a1"><v>0</v></c></row>', // lower-case reference
    '<c r="A1"><!-- x --><v>0</v></c></row>', // comment
    '<c r="A1"><v>0<!-- x --></v></c></row>', // comment in a value
    '<x:c r="A1"><v>0</v></x:c></row>', // prefixed element
    '<c r="A1"><v>0</v><v>1</v></c></row>', // two values
    '<c r="A1"><v>0</v></c></row >', // odd closing tag
    '<c r="A1"><v>0</v>', // cut off
  ];
  for (const xml of refused) expect([xml, readPlainRow(xml, undefined, 0, cells)]).toEqual([xml, -1]);
});

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CELL_SHAPES: ((r: string) => string)[] = [
  (r) => `<c r="${r}" s="1" t="s"><v>0</v></c>`,
  (r) => `<c r="${r}" t="s"><v>1</v></c>`,
  (r) => `<c r="${r}" t="s"><v>7</v></c>`, // no such shared string: a warning
  (r) => `<c r="${r}" s="1"><v>45500</v></c>`, // a date by its format
  (r) => `<c r="${r}"><v>12.5</v></c>`,
  (r) => `<c r="${r}"><v>abc</v></c>`, // bad number: a warning
  (r) => `<c r="${r}" t="b"><v>true</v></c>`,
  (r) => `<c r="${r}" t="b"><v>maybe</v></c>`,
  (r) => `<c r="${r}" t="e"><v>#N/A</v></c>`,
  (r) => `<c r="${r}" t="str"><v>a &amp; b _x000D_</v></c>`,
  (r) => `<c r="${r}" t="d"><v>2024-06-30</v></c>`,
  (r) => `<c r="${r}" s="0"/>`,
  (r) => `<c r="${r}"></c>`,
  (r) => `<c r="${r}"><v></v></c>`,
  (r) => `<c r="${r}" t="s">\n  <v>0</v>\n</c>`,
  (r) => `<c r="${r}"><v>数值</v></c>`,
  // Shapes the fast path refuses: the whole row goes the general way.
  (r) => `<c r="${r}"><f>SUM(A1:A2)</f><v>3</v></c>`,
  (r) => `<c r="${r}" t="inlineStr"><is><r><t>富</t></r><rPh><t>fu</t></rPh></is></c>`,
  (r) => `<x:c r="${r}"><x:v>4</x:v></x:c>`,
  (r) => `<c s="1"><v>5</v></c>`,
  (r) => `<c r="${r.toLowerCase()}"><v>6</v></c>`,
  (r) => `<c r="$${r}"><v>6</v></c>`,
  (r) => `<c r="!!"><v>6</v></c>`,
  (r) => `<c r="${r}" r="${r}"><v>1</v></c>`,
  (r) => `<c r="${r}"><v>1<!--x--></v></c>`,
  (r) => `<c r="${r}"><v><![CDATA[7]]></v></c>`,
  (r) => `<c r="${r}"><v>1</v>`, // never closed
];

test('generated sheets mixing plain and odd rows read the same both ways (3,000 cases)', () => {
  const next = random(20261127);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  for (let n = 0; n < 3000; n++) {
    const rows: string[] = [];
    const rowCount = 1 + Math.floor(next() * 5);
    let rowNo = 0;
    for (let r = 0; r < rowCount; r++) {
      rowNo += 1 + Math.floor(next() * 2);
      const cells: string[] = [];
      const cellCount = Math.floor(next() * 5);
      // Mostly in order; sometimes out of order or repeated, which sorting and de-duplication must treat alike.
      for (let c = 0; c < cellCount; c++) cells.push(pick(CELL_SHAPES)(`${'ABCDEF'[next() < 0.9 ? c : Math.floor(next() * 6)]}${next() < 0.95 ? rowNo : rowNo + 1}`));
      const rowAttrs = pick([` r="${rowNo}"`, ` r="${rowNo}" spans="1:5" x14ac:dyDescent="0.25"`, '', ` r="x"`, ` r="${rowNo}" r="${rowNo + 3}"`]);
      const body = cells.join(pick(['', '\n', ' text ']));
      rows.push(next() < 0.05 ? `<row${rowAttrs}/>` : `<row${rowAttrs}>${body}</row>`);
    }
    const tail = pick(['', '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="zz"/></mergeCells>', '<dataValidations><dataValidation type="list" sqref="A1"><formula1>"是,否"</formula1></dataValidation></dataValidations>']);
    const head = pick(['', '<cols><col min="1" max="1" width="6"/></cols>', '<c r="Z9"><v>1</v>']);
    expectSameSheet(`<worksheet>${head}<sheetData>${rows.join('')}</sheetData>${tail}</worksheet>`);
  }
});

test('more cells than the limit are refused at the same cell both ways', () => {
  const row = (r: number): string => `<row r="${r}">${'ABCDEFGHIJ'.split('').map((c) => `<c r="${c}${r}"><v>1</v></c>`).join('')}</row>`;
  const xml = `<worksheet><sheetData>${[1, 2, 3, 4, 5].map(row).join('')}</sheetData></worksheet>`;
  const fast = readSheet(xml, true, [], []);
  expect(fast).toEqual({ refused: 'XLSX_READ_TOO_MANY_CELLS' });
  expect(fast).toEqual(readSheet(xml, false, [], []));
});

test('shared strings: plain items fast, rich text, phonetic guides and odd shapes the general way, same strings', () => {
  const items = [
    '<si><t>甲乙丙</t></si>',
    '<si><t xml:space="preserve"> 前后空格 </t></si>',
    '<si><t>a &amp; b &#x4E2D; _x000D_ _x005F_x</t></si>',
    '<si><t></t></si>',
    '<si><t/></si>',
    '<si/>',
    '<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si>',
    '<si><t>汉字</t><rPh sb="0" eb="2"><t>hanzi</t></rPh></si>',
    '<si>\n  <t>换行</t>\n</si>',
    '<si><t>a<!--c-->b</t></si>',
    '<si><t><![CDATA[<x>]]></t></si>',
    '<x:si><x:t>前缀</x:t></x:si>',
    '<si><t>未结束</t>',
    '<si><t>one</t><t>two</t></si>',
    '<si><t xml:space="default">其它属性</t></si>',
  ];
  const next = random(7);
  for (let n = 0; n < 500; n++) {
    const count = Math.floor(next() * 8);
    const chosen = Array.from({ length: count }, () => items[Math.floor(next() * items.length)]!);
    expectSameStrings(`<sst count="${count}">${chosen.join('')}</sst>`);
  }
  expect(parseSharedStrings('<sst><si><t>甲</t></si><si><r><t>乙</t></r><r><t>丙</t></r></si></sst>')).toEqual(['甲', '乙丙']);
});
