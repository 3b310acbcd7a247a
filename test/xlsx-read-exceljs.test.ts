/**
 * Workbooks written by exceljs (what our own template writer uses) read back
 * with exact values: the cases exceljs' own reader gets wrong (Chinese
 * built-in date formats 31/57/58, a cached formula result of 0, 1904 dates).
 */
import ExcelJS from 'exceljs';
import { readWorkbook, type WorkbookSnapshot } from '../src/xlsx/read';
import { rewriteXlsx } from './fixtures/xlsx/craft';

const JUNE_30 = new Date(Date.UTC(2024, 5, 30));

async function written(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function read(bytes: Uint8Array): WorkbookSnapshot {
  const result = readWorkbook(bytes, { fileName: '填报.xlsx' });
  if (!result.ok) throw new Error(`${result.issue.code} ${JSON.stringify(result.issue.params)}`);
  expect(result.warnings).toEqual([]);
  return result.workbook;
}

/** exceljs always writes formats as custom ids; Chinese Excel writes ids 31/57/58 with no definition. Make it so. */
function useBuiltinIds(bytes: Uint8Array, placeholders: Record<string, number>): Uint8Array {
  return rewriteXlsx(bytes, (parts) => {
    let styles = parts['xl/styles.xml']!;
    for (const [code, builtin] of Object.entries(placeholders)) {
      const match = new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${code}"/>`).exec(styles);
      if (!match) throw new Error(`no ${code} in styles.xml`);
      styles = styles.replace(match[0], '').split(`numFmtId="${match[1]}"`).join(`numFmtId="${builtin}"`);
    }
    parts['xl/styles.xml'] = styles;
  });
}

function sample(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('填报');
  ws.getCell('A1').value = '城南小学';
  ws.getCell('A2').value = { richText: [{ text: '已' }, { font: { bold: true }, text: '完成' }, { text: '（见附件）' }] };
  ws.getCell('A3').value = '  前后有空格  ';
  ws.getCell('B1').value = 12;
  ws.getCell('B2').value = -0.25;
  ws.getCell('B3').value = 1234567.891;
  ws.getCell('C1').value = JUNE_30;
  ws.getCell('C1').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('C2').value = JUNE_30;
  ws.getCell('C2').numFmt = 'yyyy-mm-dd';
  ws.getCell('C3').value = new Date(Date.UTC(2024, 0, 5, 14, 30));
  ws.getCell('C3').numFmt = 'yyyy/m/d h:mm';
  ws.getCell('D1').value = { formula: 'B1-B1', result: 0 };
  ws.getCell('D2').value = { formula: 'A1&"（已报）"', result: '城南小学（已报）' };
  ws.getCell('D3').value = { formula: 'B1>0', result: true };
  ws.getCell('E1').value = true;
  ws.getCell('E2').value = false;
  ws.getCell('E3').value = { error: '#N/A' };
  ws.getCell('F1').value = 0.125;
  ws.getCell('F1').numFmt = '0.00%';
  ws.getCell('F2').value = 45000;
  ws.getCell('F2').numFmt = '[Red]#,##0.00;"mm"0';
  ws.mergeCells('A10:C10');
  ws.getCell('A10').value = '合计';
  ws.getCell('B5').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否,不适用"'] };
  ws.getCell('B6').dataValidation = { type: 'list', formulae: ['选项!$A$1:$A$2'] };
  ws.getCell('B7').dataValidation = { type: 'whole', operator: 'between', formulae: [0, 100] };
  wb.addWorksheet('选项', { state: 'hidden' }).getCell('A1').value = '是';
  wb.addWorksheet('内部', { state: 'veryHidden' }).getCell('A1').value = 7;
  wb.definedNames.add("'填报'!$A$1:$A$3", '学校');
}

test('strings, rich text, numbers, booleans, errors and formulas read back exactly', async () => {
  const wb = read(await written(sample));
  const sheet = wb.sheets[0]!;
  const byAddress = new Map(sheet.cells.map((c) => [c.address, c]));
  expect(byAddress.get('A1')).toEqual({ row: 1, col: 1, address: 'A1', type: 'string', value: '城南小学' });
  expect(byAddress.get('A2')?.value).toBe('已完成（见附件）');
  expect(byAddress.get('A3')?.value).toBe('  前后有空格  ');
  expect([1, 2, 3].map((r) => byAddress.get(`B${r}`)?.value)).toEqual([12, -0.25, 1234567.891]);
  expect(byAddress.get('D1')).toMatchObject({ type: 'number', value: 0, formula: 'B1-B1' });
  expect(byAddress.get('D2')).toMatchObject({ type: 'string', value: '城南小学（已报）', formula: 'A1&"（已报）"' });
  expect(byAddress.get('D3')).toMatchObject({ type: 'boolean', value: true });
  expect(byAddress.get('E1')).toMatchObject({ type: 'boolean', value: true });
  expect(byAddress.get('E2')).toMatchObject({ type: 'boolean', value: false });
  expect(byAddress.get('E3')).toMatchObject({ type: 'error', value: '#N/A' });
  // Percent and a colour/quoted-"mm" format are numbers, not dates.
  expect(byAddress.get('F1')).toMatchObject({ type: 'number', value: 0.125, numFmt: '0.00%' });
  expect(byAddress.get('F2')).toMatchObject({ type: 'number', value: 45000 });
  expect(sheet.maxRow).toBe(10);
  expect(sheet.maxCol).toBe(6);
});

test('dates: a Chinese custom format, ISO and date-time formats', async () => {
  const sheet = read(await written(sample)).sheets[0]!;
  const at = (a: string) => sheet.cells.find((c) => c.address === a);
  expect(at('C1')).toMatchObject({ type: 'date', isDate: true, value: 45473, iso: '2024-06-30', numFmt: 'yyyy"年"m"月"d"日"' });
  expect(at('C2')).toMatchObject({ type: 'date', iso: '2024-06-30', numFmt: 'yyyy-mm-dd' });
  expect(at('C3')).toMatchObject({ type: 'date', iso: '2024-01-05', time: '14:30:00' });
  expect(at('C1')?.time).toBeUndefined();
});

test('Chinese built-in date formats 31, 57 and 58 (no numFmt definition in the file) are dates', async () => {
  const bytes = await written((wb) => {
    const ws = wb.addWorksheet('Sheet1');
    ['FMT31', 'FMT57', 'FMT58', 'FMT14'].forEach((code, i) => {
      ws.getCell(1, i + 1).value = JUNE_30;
      ws.getCell(1, i + 1).numFmt = code;
    });
  });
  const cells = read(useBuiltinIds(bytes, { FMT31: 31, FMT57: 57, FMT58: 58, FMT14: 14 })).sheets[0]!.cells;
  expect(cells.map((c) => [c.address, c.type, c.iso, c.numFmt])).toEqual([
    ['A1', 'date', '2024-06-30', 'yyyy"年"m"月"d"日"'],
    ['B1', 'date', '2024-06-30', 'yyyy"年"m"月"'],
    ['C1', 'date', '2024-06-30', 'm"月"d"日"'],
    ['D1', 'date', '2024-06-30', 'yyyy/m/d'],
  ]);
});

test('merges, hidden and very hidden sheets, validations and defined names', async () => {
  const wb = read(await written(sample));
  expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([['填报', 'visible'], ['选项', 'hidden'], ['内部', 'veryHidden']]);
  expect(wb.sheets[0]!.merges).toEqual(['A10:C10']);
  expect(wb.sheets[0]!.dataValidations).toEqual([
    { sqref: 'B5', type: 'list', formula1: '"是,否,不适用"', listItems: ['是', '否', '不适用'] },
    { sqref: 'B6', type: 'list', formula1: '选项!$A$1:$A$2' },
    { sqref: 'B7', type: 'whole', formula1: '0' },
  ]);
  expect(wb.definedNames).toEqual([{ name: '学校', ref: "'填报'!$A$1:$A$3" }]);
  expect(wb.sheets[2]!.cells[0]).toMatchObject({ address: 'A1', value: 7 });
});

test('a 1904 workbook written by exceljs: the serial shifts by 1462 days, the date does not', async () => {
  const bytes = await written((wb) => {
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = JUNE_30;
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
  });
  const wb = read(bytes);
  expect(wb.date1904).toBe(true);
  expect(wb.sheets[0]!.cells[0]).toMatchObject({ type: 'date', value: 45473 - 1462, iso: '2024-06-30' });
});
