/**
 * The reader remembers the last parse of a workbook's skeleton parts (rels, workbook part, styles:
 * part-memo.ts). A file sharing them byte for byte with the one before must read as if read alone,
 * one differing in any of them must get its own, and the limits must count the remembered parts.
 */
import { nativeRead } from '../src/cli/native-inflate';
import { readWorkbook, type ReadResult } from '../src/xlsx/read/index';
import { minimalParts, zipParts } from './fixtures/xlsx/craft';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const styles = (formatCode: string): string =>
  `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="${formatCode}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;

function workbook(formatCode: string, value: number, sharedCells = 0, shared = ''): Uint8Array {
  const cells = Array.from({ length: sharedCells }, (_, i) => `<c r="B${i + 1}" t="s"><v>0</v></c>`).join('');
  const sheet = `<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>${value}</v></c>${cells}</row></sheetData></worksheet>`;
  return zipParts(
    minimalParts(sheet, {
      'xl/_rels/workbook.xml.rels': RELS,
      'xl/styles.xml': styles(formatCode),
      'xl/sharedStrings.xml': `<sst><si><t>${shared}</t></si></sst>`,
    }),
  );
}

const a1 = (result: ReadResult) => (result.ok ? result.workbook.sheets[0]!.cells.find((c) => c.address === 'A1') : result.issue.code);

test('a file with the same skeleton reads its own cells; one with other styles gets its own number formats', () => {
  for (const platform of [nativeRead, {}]) {
    expect(a1(readWorkbook(workbook('yyyy-mm-dd', 45000), platform))).toMatchObject({ isDate: true, iso: '2023-03-15' });
    // Same skeleton bytes as the file before: a remembered parse, and still this file's value.
    expect(a1(readWorkbook(workbook('yyyy-mm-dd', 45001), platform))).toMatchObject({ isDate: true, iso: '2023-03-16' });
    // Other styles right after: not the remembered date format.
    const other = a1(readWorkbook(workbook('0.00', 45001), platform));
    expect(other).toMatchObject({ type: 'number', numFmt: '0.00' });
    expect(other).not.toHaveProperty('isDate');
  }
});

test('the text budget counts remembered parts as read: the same file is refused at the same cell and limit every time', () => {
  // 400 cells showing one 200-character string: far more text than the file's inflated bytes.
  const bytes = workbook('yyyy-mm-dd', 45000, 400, '党'.repeat(200));
  const limits = { maxTextChars: 1 };
  const first = readWorkbook(bytes, { ...nativeRead, limits });
  const again = readWorkbook(bytes, { ...nativeRead, limits });
  expect(first.ok ? 'ok' : first.issue.code).toBe('XLSX_READ_TOO_MUCH_TEXT');
  expect(again).toEqual(first);
});
