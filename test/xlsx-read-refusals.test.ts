/**
 * Files the reader must refuse, each with its own code, quickly and without
 * throwing: zip bombs, forged sizes, CRC mismatches, truncated and corrupt
 * zips, a DOCTYPE (XML bomb) in a part, renamed CSV and web pages, OLE2 files
 * (old .xls, encrypted .xlsx), a .docx, unsupported zip features and every
 * configurable limit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8 } from 'fflate';
import { describeIssue } from '../src/core/issues';
import { readWorkbook, type ReadLimits } from '../src/xlsx/read';
import { crc32 } from '../src/xlsx/crc32';
import { compoundFile, concat, deflatedZeros, minimalParts, rawZip, zipParts } from './fixtures/xlsx/craft';
import { billionLaughs, CSV_TEXT, docxPackage } from './helpers/hostile-files';

const FIXTURES = path.join(__dirname, 'fixtures', 'xlsx');
const SOURCE = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'source.xlsx')));
const SHEET = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>好</t></is></c></row></sheetData></worksheet>';

function refusal(bytes: Uint8Array, fileName = '报送.xlsx', limits?: Partial<ReadLimits>) {
  const result = readWorkbook(bytes, { fileName, ...(limits ? { limits } : {}) });
  if (result.ok) throw new Error('expected a refusal');
  expect(result.issue.severity).toBe('error');
  expect(result.issue.where.file).toBe(fileName);
  expect(result.issue.params.file).toBe(fileName);
  // Every placeholder of the zh-CN message is filled.
  expect(describeIssue(result.issue)).not.toMatch(/\{\w+\}/);
  return result.issue;
}

/** The minimal workbook's parts as raw zip entries, with the sheet entry replaced. */
function entriesWithSheet(sheet: Partial<Parameters<typeof rawZip>[0][number]>) {
  return Object.entries(minimalParts(SHEET)).map(([name, text]) =>
    name === 'xl/worksheets/data.xml' ? { name, data: strToU8(text), ...sheet } : { name, data: strToU8(text) },
  );
}

describe('zip bombs and forged sizes', () => {
  const bomb = deflatedZeros(200);

  test('an honest 200 MB entry of zeros is refused from the directory alone (ratio)', () => {
    const issue = refusal(rawZip(entriesWithSheet({ data: new Uint8Array(0), body: bomb.body, declaredSize: bomb.size, crc: bomb.crc })));
    expect(issue.code).toBe('XLSX_READ_ZIP_BOMB');
    expect(Number(issue.params.ratio)).toBeGreaterThan(200);
  });

  test('the same bomb declaring a small size stops at the first chunk that outgrows it', () => {
    const issue = refusal(rawZip(entriesWithSheet({ data: new Uint8Array(0), body: bomb.body, declaredSize: 5000, crc: bomb.crc })));
    expect(issue).toMatchObject({ code: 'XLSX_READ_ZIP_SIZE_MISMATCH', params: { entry: 'xl/worksheets/data.xml' } });
  });

  test('an honest size within the ratio but over the per-entry or total limit is refused before inflating', () => {
    const entries = entriesWithSheet({ data: new Uint8Array(0), body: bomb.body, declaredSize: bomb.size, crc: bomb.crc });
    expect(refusal(rawZip(entries), 'a.xlsx', { maxCompressionRatio: 10_000 }).code).toBe('XLSX_READ_ENTRY_TOO_LARGE');
    expect(refusal(rawZip(entries), 'a.xlsx', { maxCompressionRatio: 10_000, maxEntryBytes: 1e9 }).code).toBe('XLSX_READ_UNCOMPRESSED_TOO_LARGE');
  });

  test('a declared size a little smaller or larger than the real one', () => {
    const real = strToU8(SHEET).length;
    expect(refusal(rawZip(entriesWithSheet({ declaredSize: real - 10 }))).code).toBe('XLSX_READ_ZIP_SIZE_MISMATCH');
    expect(refusal(rawZip(entriesWithSheet({ declaredSize: real + 10 }))).code).toBe('XLSX_READ_ZIP_SIZE_MISMATCH');
    expect(refusal(rawZip(entriesWithSheet({ method: 0, declaredSize: real + 10 }))).code).toBe('XLSX_READ_ZIP_SIZE_MISMATCH');
  });
});

describe('damaged zips', () => {
  test('a CRC that does not match the data', () => {
    expect(refusal(rawZip(entriesWithSheet({ crc: 0x12345678 })))).toMatchObject({ code: 'XLSX_READ_ZIP_CRC', params: { entry: 'xl/worksheets/data.xml' } });
  });

  test('a file cut off in the middle (interrupted download)', () => {
    expect(refusal(SOURCE.subarray(0, Math.floor(SOURCE.length / 2))).code).toBe('XLSX_READ_ZIP_TRUNCATED');
    expect(refusal(SOURCE.subarray(0, SOURCE.length - 30)).code).toBe('XLSX_READ_ZIP_TRUNCATED');
  });

  test('a damaged central directory or deflate stream', () => {
    const zip = rawZip(entriesWithSheet({}));
    const badDirectory = zip.slice();
    const cd = new DataView(badDirectory.buffer).getUint32(badDirectory.length - 6, true);
    badDirectory[cd] = 0;
    expect(refusal(badDirectory).code).toBe('XLSX_READ_ZIP_CORRUPT');
    // Garbage in place of the deflated sheet: either undecodable or a CRC failure, never a throw.
    const garbage = rawZip(entriesWithSheet({ body: new Uint8Array(64).fill(0xff) }));
    expect(['XLSX_READ_ZIP_CORRUPT', 'XLSX_READ_ZIP_SIZE_MISMATCH']).toContain(refusal(garbage).code);
  });
});

describe('a DOCTYPE in a part (the door of XML bombs)', () => {
  const bomb = billionLaughs('worksheet');

  test('is refused from whichever part it is in, after the XML declaration, a comment or a processing instruction', () => {
    const cases: [string, string][] = [
      ['xl/worksheets/data.xml', `<?xml version="1.0"?>${bomb}${SHEET}`],
      ['xl/workbook.xml', `<!-- saved by x --><?pi x?>\n${bomb}${minimalParts(SHEET)['xl/workbook.xml']!.replace(/^<\?xml[^>]*\?>/, '')}`],
      ['_rels/.rels', `<!doctype Relationships SYSTEM "file:///etc/passwd">${minimalParts(SHEET)['_rels/.rels']!.replace(/^<\?xml[^>]*\?>/, '')}`],
    ];
    for (const [entry, xml] of cases) {
      expect(refusal(zipParts(minimalParts(SHEET, { [entry]: xml })))).toMatchObject({ code: 'XLSX_READ_XML_DOCTYPE', params: { entry } });
    }
  });

  test('is refused in UTF-16 parts and by the byte scanner too; the same text inside the root element is only text', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(`${bomb}${SHEET}`).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(refusal(zipParts({ ...minimalParts(SHEET), 'xl/worksheets/data.xml': utf16 })).code).toBe('XLSX_READ_XML_DOCTYPE');
    const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    expect(readWorkbook(zipParts(minimalParts(SHEET, { 'xl/worksheets/data.xml': `${bomb}${SHEET}` })), { latin1 })).toMatchObject({ ok: false, issue: { code: 'XLSX_READ_XML_DOCTYPE' } });
    const inside = SHEET.replace('<sheetData>', '<!-- <!DOCTYPE x> --><sheetData>');
    expect(readWorkbook(zipParts(minimalParts(inside))).ok).toBe(true);
  });
});

describe('files that are not .xlsx', () => {
  test('empty, CSV (UTF-8 and GBK), a web page and an Excel 2003 XML file renamed .xlsx', () => {
    expect(refusal(new Uint8Array(0)).code).toBe('XLSX_READ_EMPTY');
    expect(refusal(strToU8(CSV_TEXT))).toMatchObject({ code: 'XLSX_READ_TEXT_FILE', params: { kind: 'CSV 或纯文本' } });
    // 学校,完成 in GBK: high bytes, no NULs.
    expect(refusal(new Uint8Array([0xd1, 0xa7, 0xd0, 0xa3, 0x2c, 0xcd, 0xea, 0xb3, 0xc9, 0x0d, 0x0a])).code).toBe('XLSX_READ_TEXT_FILE');
    expect(refusal(strToU8('<html><body><table><tr><td>1</td></tr></table></body></html>')).params.kind).toBe('网页（HTML）');
    const xml2003 = '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>';
    expect(refusal(strToU8(xml2003)).params.kind).toBe('XML 表格（Excel 2003 XML）');
    expect(refusal(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x80, 0x00])).code).toBe('XLSX_READ_NOT_ZIP');
  });

  test('a real .xls written by LibreOffice (OLE2 with a Workbook stream)', () => {
    expect(refusal(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'legacy.xls'))), '旧表.xlsx').code).toBe('XLSX_READ_LEGACY_XLS');
  });

  test('an encrypted workbook: OLE2 with EncryptionInfo and EncryptedPackage streams', () => {
    const encrypted = compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']);
    expect(refusal(encrypted, '加密.xlsx').code).toBe('XLSX_READ_ENCRYPTED');
    // The same bytes named .xls are still an encrypted workbook: the directory decides, not the name.
    expect(refusal(encrypted, '加密.xls').code).toBe('XLSX_READ_ENCRYPTED');
  });

  test('other OLE2 files: a .doc, and an unreadable directory (damaged, never "password-protected")', () => {
    expect(refusal(compoundFile(['WordDocument', '1Table'])).code).toBe('XLSX_READ_LEGACY_OFFICE');
    const unreadable = new Uint8Array(600);
    unreadable.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(unreadable, '表.et').code).toBe('XLSX_READ_LEGACY_XLS');
    expect(refusal(unreadable, '表.xlsx').code).toBe('XLSX_READ_OLE_DAMAGED');
  });

  test('a .docx and a plain zip are not workbooks', () => {
    expect(refusal(docxPackage())).toMatchObject({ code: 'XLSX_READ_NOT_WORKBOOK', params: { kind: 'Word 文档' } });
    expect(refusal(zipParts({ 'readme.txt': 'hello' })).code).toBe('XLSX_READ_NOT_WORKBOOK');
  });
});

describe('unsupported zip features', () => {
  test('ZIP64, the encryption flag and an unknown compression method', () => {
    expect(refusal(rawZip(entriesWithSheet({ declaredSize: 0xffffffff }))).code).toBe('XLSX_READ_ZIP64');
    expect(refusal(rawZip(entriesWithSheet({ flags: 1 })))).toMatchObject({ code: 'XLSX_READ_ZIP_ENCRYPTED', params: { entry: 'xl/worksheets/data.xml' } });
    expect(refusal(rawZip(entriesWithSheet({ method: 12 })))).toMatchObject({ code: 'XLSX_READ_ZIP_METHOD', params: { method: 12 } });
  });
});

describe('limits', () => {
  const many = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row></sheetData>'
    + '<mergeCells><mergeCell ref="A2:B2"/><mergeCell ref="A3:B3"/></mergeCells></worksheet>';
  const file = zipParts(minimalParts(many));

  test('each limit refuses with its own code and says which sheet', () => {
    expect(refusal(file, 'a.xlsx', { maxFileBytes: 100 }).code).toBe('XLSX_READ_FILE_TOO_LARGE');
    expect(refusal(file, 'a.xlsx', { maxEntries: 3 }).code).toBe('XLSX_READ_TOO_MANY_ENTRIES');
    expect(refusal(file, 'a.xlsx', { maxCellsPerSheet: 2 })).toMatchObject({ code: 'XLSX_READ_TOO_MANY_CELLS', where: { sheet: '数据' } });
    expect(refusal(file, 'a.xlsx', { maxMergesPerSheet: 1 })).toMatchObject({ code: 'XLSX_READ_TOO_MANY_MERGES', params: { sheet: '数据', limit: 1 } });
    expect(refusal(file, 'a.xlsx', { maxTotalUncompressedBytes: 500 }).code).toBe('XLSX_READ_UNCOMPRESSED_TOO_LARGE');
    expect(refusal(file, 'a.xlsx', { maxSheets: 0 }).code).toBe('XLSX_READ_TOO_MANY_SHEETS');
    expect(readWorkbook(file, { limits: { maxCellsPerSheet: 3, maxMergesPerSheet: 2 } }).ok).toBe(true);
  });
});
