/**
 * Files written by other programs (WPS, LibreOffice, Excel for Mac with the
 * 1904 date system, node-xlsx-stream) and a workbook LibreOffice re-saved.
 * Every expected value below was checked against the file's own XML
 * (`unzip -p file xl/worksheets/sheet1.xml`), not against this reader.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbook, type CellSnapshot, type WorkbookSnapshot } from '../src/xlsx/read';

const REAL = path.join(__dirname, 'fixtures', 'real-world');
const FIXTURES = path.join(__dirname, 'fixtures', 'xlsx');

function read(file: string): WorkbookSnapshot {
  const result = readWorkbook(new Uint8Array(fs.readFileSync(file)), { fileName: path.basename(file) });
  if (!result.ok) throw new Error(`${file}: ${result.issue.code} ${JSON.stringify(result.issue.params)}`);
  expect(result.warnings).toEqual([]);
  return result.workbook;
}

function cell(wb: WorkbookSnapshot, address: string, sheet = 0): CellSnapshot | undefined {
  return wb.sheets[sheet]!.cells.find((c) => c.address === address);
}

test('every real-world file reads without a refusal or a warning', () => {
  const files = fs.readdirSync(REAL).filter((f) => f.endsWith('.xlsx'));
  expect(files.length).toBe(7);
  for (const f of files) expect(read(path.join(REAL, f)).sheets.length).toBeGreaterThan(0);
});

test('Excel 1904 workbook: serials count from 1904-01-01, matching the TEXT() results Excel cached', () => {
  const wb = read(path.join(REAL, '1904_1904.xlsx'));
  expect(wb.date1904).toBe(true);
  // Column B holds serials 1, 11, 111, 1111, 11111 formatted as dates; column C caches TEXT(B, "YYYY-MM-DD").
  const rows = [1, 2, 3, 4, 5];
  expect(rows.map((r) => cell(wb, `B${r}`)?.value)).toEqual([1, 11, 111, 1111, 11111]);
  expect(rows.map((r) => cell(wb, `B${r}`)?.iso)).toEqual(['1904-01-02', '1904-01-12', '1904-04-21', '1907-01-16', '1934-06-03']);
  for (const r of rows) expect(cell(wb, `B${r}`)?.iso).toBe(cell(wb, `C${r}`)?.value);
  expect(cell(wb, 'C1')).toMatchObject({ type: 'string', formula: 'TEXT(B1,"YYYY-MM-DD")' });
});

test('WPS workbook: booleans, shared strings and a date styled m/d/yy', () => {
  const wb = read(path.join(REAL, 'artifacts_wps_write.xlsx'));
  expect(cell(wb, 'A2')).toMatchObject({ type: 'boolean', value: true });
  expect(cell(wb, 'B2')).toMatchObject({ type: 'boolean', value: false });
  expect(cell(wb, 'D2')).toMatchObject({ type: 'string', value: 'sheetjs' });
  expect(cell(wb, 'C3')).toMatchObject({ type: 'date', value: 41689, iso: '2014-02-19' });
  expect(cell(wb, 'D3')).toMatchObject({ type: 'number', value: 0.3 });
  expect(wb.sheets[0]!.cells.map((c) => c.address)).toEqual(['A1', 'B1', 'C1', 'A2', 'B2', 'D2', 'A3', 'B3', 'C3', 'D3', 'A4', 'C4']);
});

test('WPS workbook with formulas: cached results, including an error value', () => {
  const wb = read(path.join(REAL, 'wps_fn.xlsx'));
  expect(cell(wb, 'C2')).toMatchObject({ type: 'number', value: 2, formula: 'EVALUATE("1+1")' });
  expect(cell(wb, 'C3')).toMatchObject({ type: 'error', value: '#VALUE!' });
  expect(cell(wb, 'B2')).toMatchObject({ type: 'string', value: '=EVALUATE("1+1")' });
});

test('LibreOffice number formats: YY…SS are dates and times, [COLOUR] and GENERAL formats are numbers', () => {
  const wb = read(path.join(REAL, 'LONumbers.xlsx'));
  const kind = (label: string) => {
    const row = wb.sheets[0]!.cells.find((c) => c.col === 1 && c.value === label)!.row;
    return cell(wb, `D${row}`)?.type;
  };
  for (const dateLabel of ['YY', 'YYYY', 'YYMM', 'D', 'DDDD', 'H', 'HHMM', 'SS']) expect([dateLabel, kind(dateLabel)]).toEqual([dateLabel, 'date']);
  for (const numberLabel of ['General', 'GENERAL', '[BLUE]', '[GREEN]', '[RED]', '[MAGENTA]']) expect([numberLabel, kind(numberLabel)]).toEqual([numberLabel, 'number']);
  // D holds =D(row-1) chains of 12.3: as a YY date that is 1900-01-12 07:12.
  expect(cell(wb, 'D3')).toMatchObject({ type: 'date', value: 12.3, iso: '1900-01-12', time: '07:12:00', numFmt: 'YY', formula: 'D2' });
  expect(cell(wb, 'B2')).toEqual({ row: 2, col: 2, address: 'B2', type: 'number', value: 1, formula: 'B1' });
});

test('merged cells are listed as ranges, values sit in the top-left cells', () => {
  const wb = read(path.join(REAL, 'merge_cells.xlsx'));
  expect(wb.sheets[0]!.name).toBe('Merge');
  expect(wb.sheets[0]!.merges).toEqual(['A1:B2', 'C1:C2', 'A3:B3', 'D1:D2', 'A4:B4']);
  expect(cell(wb, 'A4')?.value).toBe('… are merged separately');
});

test('rich text runs are concatenated into one string', () => {
  const wb = read(path.join(REAL, 'rich_text_stress.xlsx'));
  expect(cell(wb, 'B2')?.value).toBe('this text is bold, sure enough');
  expect(cell(wb, 'B5')?.value).toBe('this text is sz10, sure enough');
  expect(cell(wb, 'B15')?.value).toBe('lets try all combinations of BIU in cell');
});

test('node-xlsx-stream: t="d" ISO dates, entities, a time format and an elapsed-hours format', () => {
  const wb = read(path.join(REAL, 'xlsx-stream-d-date-cell.xlsx'));
  // <c r="B5" t="d"><v>2014-02-14T08:27:48.765Z</v>
  expect(cell(wb, 'B5')).toMatchObject({ type: 'date', isDate: true, iso: '2014-02-14', time: '08:27:49' });
  expect(cell(wb, 'B5')?.value).toBeCloseTo(41684.3526, 4);
  expect(cell(wb, 'C1')?.value).toBe(`&'";<>`);
  expect(cell(wb, 'D1')?.value).toBe('&amp;');
  expect(cell(wb, 'B1')?.value).toBe('てすと');
  expect(cell(wb, 'B4')).toMatchObject({ type: 'boolean', value: true });
  expect(cell(wb, 'B7')).toMatchObject({ type: 'date', value: 1.5, time: '12:00:00', numFmt: 'h:mm AM/PM' });
  expect(cell(wb, 'B8')).toMatchObject({ type: 'number', value: 0.5 });
  expect(cell(wb, 'B11')).toMatchObject({ type: 'string', value: 'String1', formula: 'CONCATENATE(A1,B2)' });
});

test('a workbook re-saved by LibreOffice reads the same values as the exceljs original', () => {
  const source = read(path.join(FIXTURES, 'source.xlsx'));
  const resaved = read(path.join(FIXTURES, 'libreoffice-resaved.xlsx'));
  const values = (wb: WorkbookSnapshot) =>
    wb.sheets.map((s) => ({ name: s.name, state: s.state, merges: s.merges, cells: s.cells.map(({ address, type, value, iso }) => ({ address, type, value, iso })) }));
  expect(values(resaved)).toEqual(values(source));
  expect(cell(resaved, 'C2')).toMatchObject({ type: 'date', iso: '2024-06-30' });
  expect(cell(resaved, 'E2')).toMatchObject({ type: 'boolean', value: true, formula: 'TRUE()' });
  expect(cell(resaved, 'D5')).toMatchObject({ type: 'number', value: 0 });
  expect(cell(resaved, 'F4')?.value).toBe('含 & < > 符号');
  expect(resaved.sheets.map((s) => [s.name, s.state])).toEqual([['填报', 'visible'], ['选项', 'hidden']]);
});
