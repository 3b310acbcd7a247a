/**
 * XML the common libraries trip over: cells without `r=`, `x:`-prefixed
 * elements (.NET exporters), entities and character references, phonetic
 * runs, LibreOffice's `true`/`false`, `t="d"`, ranges over whole columns,
 * and hostile text the scanner must get through in linear time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbook, type WorkbookSnapshot } from '../src/xlsx/read';
import { nativeRead } from '../src/cli/native-inflate';
import { scanXml } from '../src/xlsx/read/xml';
import { minimalParts, rewriteXlsx, zipParts } from './fixtures/xlsx/craft';

const SOURCE = new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', 'xlsx', 'source.xlsx')));

function readOk(bytes: Uint8Array) {
  const result = readWorkbook(bytes, { fileName: 't.xlsx' });
  if (!result.ok) throw new Error(`${result.issue.code} ${JSON.stringify(result.issue.params)}`);
  return result;
}

function sheetOf(sheetXml: string, overrides: Record<string, string> = {}) {
  return readOk(zipParts(minimalParts(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`, overrides)));
}

const values = (wb: WorkbookSnapshot) => wb.sheets.map((s) => s.cells.map((c) => [c.address, c.type, c.value, c.iso]));

test('cells and rows without r= are placed by position, after the last explicit one', () => {
  const { workbook } = sheetOf('<row><c><v>1</v></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c><v>3</v></c></row><row r="5"><c r="C5"><v>4</v></c><c><v>5</v></c></row><row><c><v>6</v></c></row>');
  expect(workbook.sheets[0]!.cells.map((c) => [c.address, c.value])).toEqual([['A1', 1], ['B1', 'b'], ['A2', 3], ['C5', 4], ['D5', 5], ['A6', 6]]);
});

/** Puts every element of the spreadsheetml parts under an `x:` prefix, as some .NET exporters write them. */
function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (whole, slash: string, name: string) => `<${slash}x:${name}`)
    .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
}

test('x:-prefixed XML reads the same as the unprefixed original', () => {
  const rewritten = rewriteXlsx(SOURCE, (parts) => {
    for (const name of Object.keys(parts)) if (/^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name)) parts[name] = prefixed(parts[name]!);
    if (!parts['xl/worksheets/sheet1.xml']!.includes('<x:c ')) throw new Error('rewrite did not prefix');
  });
  const original = readOk(SOURCE).workbook;
  const result = readOk(rewritten);
  expect(values(result.workbook)).toEqual(values(original));
  expect(result.workbook.sheets.map((s) => [s.name, s.state])).toEqual([['填报', 'visible'], ['选项', 'hidden']]);
  expect(result.workbook.sheets[0]!.cells.find((c) => c.address === 'C2')).toMatchObject({ type: 'date', iso: '2024-06-30' });
});

test('entities, numeric character references, CDATA, _x000D_ escapes and phonetic runs', () => {
  const sst = '<sst><si><t>A&amp;B &lt;1&gt; &quot;&apos; &#x4E2D;&#25991; &bogus; &</t></si>'
    + '<si><r><t xml:space="preserve">  第一</t></r><r><t>行_x000D__x000A_第二行</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>'
    + '<si><t><![CDATA[<原样>&amp;]]></t></si></sst>';
  const rels = minimalParts('')['xl/_rels/workbook.xml.rels']!;
  const withSst = rels.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>');
  const { workbook } = sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="str"><f>"&lt;"&amp;A1</f><v>&lt;A&amp;B</v></c></row>', {
    'xl/_rels/workbook.xml.rels': withSst,
    'xl/strings.xml': sst,
  });
  expect(workbook.sheets[0]!.cells.map((c) => c.value)).toEqual([
    'A&B <1> "\' 中文 &bogus; &',
    '  第一行\r\n第二行',
    '<原样>&amp;',
    '<A&B',
  ]);
  expect(workbook.sheets[0]!.cells[3]!.formula).toBe('"<"&A1');
});

test("booleans as LibreOffice writes them, t=\"d\" dates, and a cached formula result of 0", () => {
  const { workbook } = sheetOf('<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>FALSE</v></c><c r="C1" t="d"><v>2024-06-30</v></c>'
    + '<c r="D1" t="d"><v>1900-01-01T12:00:00</v></c><c r="E1"><f>A2-A2</f><v>0</v></c><c r="F1"><f>A3</f></c><c r="G1" s="0"/></row>');
  expect(values(workbook)).toEqual([[
    ['A1', 'boolean', true, undefined],
    ['B1', 'boolean', false, undefined],
    ['C1', 'date', 45473, '2024-06-30'],
    ['D1', 'date', 1.5, '1900-01-01'],
    ['E1', 'number', 0, undefined],
  ]]);
});

test('out-of-order and duplicate cells are sorted, the first of a duplicate kept; bad cells are warnings', () => {
  const result = sheetOf('<row r="2"><c r="B2"><v>2</v></c><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>0</v></c><c r="A1"><v>9</v></c>'
    + '<c r="ZZZZ1"><v>5</v></c><c r="B1" t="s"><v>7</v></c><c r="C1"><v>abc</v></c><c r="D1" t="b"><v>yes</v></c></row>');
  expect(result.workbook.sheets[0]!.cells.map((c) => [c.address, c.value])).toEqual([['A1', 0], ['A2', 1], ['B2', 2]]);
  expect(result.warnings.map((w) => [w.code, w.where.cell])).toEqual([
    ['XLSX_READ_BAD_CELL', 'ZZZZ1'],
    ['XLSX_READ_BAD_CELL', 'B1'],
    ['XLSX_READ_BAD_CELL', 'C1'],
    ['XLSX_READ_BAD_CELL', 'D1'],
  ]);
  expect(result.warnings[0]).toMatchObject({ severity: 'warning', where: { file: 't.xlsx', sheet: '数据' } });
});

test('a merge over A2:Z1048576 and drop-downs over ten whole columns stay ranges', () => {
  const columns = 'ABCDEFGHIJ'.split('').map((c) => `${c}1:${c}1048576`).join(' ');
  const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
    + '<mergeCells count="2"><mergeCell ref="A2:Z1048576"/><mergeCell ref="nonsense"/></mergeCells>'
    + `<dataValidations><dataValidation type="list" sqref="${columns}"><formula1>"是,否"</formula1></dataValidation></dataValidations>`
    + '<extLst><ext><x14:dataValidations xmlns:x14="x14" xmlns:xm="xm"><x14:dataValidation type="list"><x14:formula1><xm:f>选项!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>K1:K1048576</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>';
  const result = readOk(zipParts(minimalParts(xml)));
  const sheet = result.workbook.sheets[0]!;
  expect(sheet.merges).toEqual(['A2:Z1048576']);
  expect(result.warnings.map((w) => w.code)).toEqual(['XLSX_READ_BAD_RANGE']);
  expect(sheet.dataValidations).toEqual([
    { sqref: columns, type: 'list', formula1: '"是,否"', listItems: ['是', '否'] },
    { sqref: 'K1:K1048576', type: 'list', formula1: '选项!$A$1:$A$2' },
  ]);
  expect([sheet.maxRow, sheet.maxCol, sheet.cells.length]).toEqual([1, 1, 1]);
});

test('sheets are found through workbook.xml.rels; a missing part is an empty sheet with a warning', () => {
  const workbook = '<workbook xmlns:r="r"><workbookPr date1904="true"/><workbookProtection lockStructure="1"/><sheets><sheet name="甲" sheetId="1" r:id="rId1"/><sheet name="乙" sheetId="2" r:id="rId2"/></sheets>'
    + '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">乙!$A$1:$B$2</definedName></definedNames></workbook>';
  const rels = '<Relationships><Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="/xl/worksheets/data.xml"/>'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../xl/gone.xml"/></Relationships>';
  const result = sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>', { 'xl/workbook.xml': workbook, 'xl/_rels/workbook.xml.rels': rels });
  expect(result.workbook.sheets.map((s) => [s.name, s.cells.length])).toEqual([['甲', 0], ['乙', 1]]);
  expect(result.workbook).toMatchObject({ date1904: true, workbookProtected: true, definedNames: [{ name: '_xlnm.Print_Area', ref: '乙!$A$1:$B$2', localSheet: '乙' }] });
  expect(result.warnings).toEqual([expect.objectContaining({ code: 'XLSX_READ_SHEET_MISSING', where: { file: 't.xlsx', sheet: '甲' } })]);
});

test('hostile text is scanned in linear time: unterminated quotes, stray ampersands, endless attributes', () => {
  const big = 2_000_000;
  const hostile = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>${'&'.repeat(big)}</t></is></c></row>`,
    `<row r="1"><c r="A1" t="inlineStr"><is><t>${"'".repeat(big)}x</t></is></c></row>`,
    `<row r="1"><c r="A1" ${'a="1" '.repeat(big / 6)}><v>1</v></c></row>`,
    `<row r="1"><c r="A1"><v>1</v></c></row>${'<c r="'.repeat(big / 6)}`,
    `${'<!--'.repeat(big / 4)}`,
    `${'<!DOCTYPE x ['.repeat(big / 13)}`,
    `${'</'.repeat(big / 2)}`,
    `<a ${'b'.repeat(big)}`,
    `<c r="A1" t="inlineStr"><is><t>${'中'.repeat(big / 3)}</t></is></c>`,
  ];
  for (const xml of hostile) {
    // Such repetitive text trips the compression-ratio limit first; lift it to reach the scanner.
    const bytes = zipParts(minimalParts(`<worksheet><sheetData>${xml}</sheetData></worksheet>`));
    // Decoded whole (the browser's way) and scanned as bytes (Node's, through its Latin-1 view).
    for (const platform of [{}, nativeRead]) {
      const result = readWorkbook(bytes, { limits: { maxCompressionRatio: 1e9 }, ...platform });
      expect(result.ok ? 'ok' : result.issue).toBe('ok');
    }
  }
});

test('irregular tags read as they always did: spaces around =, > and quotes inside values, bare names, "/ >"', () => {
  // The scanner reads regular tags in one pass and falls back to a quote-aware walk for the rest: both must agree.
  const tags = (xml: string) => {
    const seen: unknown[] = [];
    scanXml(xml, {
      wantText: false,
      open: (name, attrs, selfClosing) => seen.push([name, selfClosing, ...['r', 'b', 'c', 's'].map((n) => attrs.get(n) ?? null)]),
      close: () => {},
      text: () => {},
    });
    return seen;
  };
  expect(tags(`<c r="A1"  s = '2' t="s" >`)).toEqual([['c', false, 'A1', null, null, '2']]);
  expect(tags(`<a b="x>y" c='1"2'/>`)).toEqual([['a', true, null, 'x>y', '1"2', null]]);
  expect(tags('<a b/>')).toEqual([['a', true, null, null, null, null]]);
  expect(tags('<a b="1" / >')).toEqual([['a', false, null, '1', null, null]]);
  expect(tags('<x:c x:r="B2" xmlns:x="u" r="C3"/>')).toEqual([['c', true, 'C3', null, null, null]]);
  expect(tags('<a b="1"c="2">')).toEqual([['a', false, null, '1', '2', null]]);
  expect(tags('<a b=1 c="2">')).toEqual([['a', false, null, null, null, null]]);
  expect(tags('<a"b c="1">')).toEqual([]);
});

test('cell references as Excel writes them and as others do: lower case, $, leading zeros, letters only', () => {
  const result = sheetOf('<row r="1"><c r="A1"><v>1</v></c><c r="b1"><v>2</v></c><c r="$C$1"><v>3</v></c><c r="D01"><v>4</v></c>'
    + '<c r="Z"><v>5</v></c><c r="XFD1048576"><v>6</v></c><c r="XFE1"><v>7</v></c><c r="A1048577"><v>8</v></c><c r="A0"><v>9</v></c></row>');
  expect(result.workbook.sheets[0]!.cells.map((c) => [c.address, c.row, c.col, c.value])).toEqual([
    ['A1', 1, 1, 1],
    ['B1', 1, 2, 2],
    ['C1', 1, 3, 3],
    ['D1', 1, 4, 4],
    ['XFD1048576', 1048576, 16384, 6],
  ]);
  expect(result.warnings.map((w) => w.where.cell)).toEqual(['Z', 'XFE1', 'A1048577', 'A0']);
});

test('merges are normalised: a one-cell range is its cell, a reversed range starts top-left, lower case is upper-cased', () => {
  const refs = ['D1:E2', 'A1:A1', 'C3:B2', 'b1:c1', 'F1', '$G$1:$H$2', 'XFD1:XFE1'];
  const xml = `<worksheet><sheetData/><mergeCells>${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells></worksheet>`;
  const result = readOk(zipParts(minimalParts(xml)));
  expect(result.workbook.sheets[0]!.merges).toEqual(['D1:E2', 'A1', 'B2:C3', 'B1:C1', 'F1', 'G1:H2']);
  expect(result.warnings.map((w) => [w.code, w.where.cell])).toEqual([['XLSX_READ_BAD_RANGE', 'XFD1:XFE1']]);
});
