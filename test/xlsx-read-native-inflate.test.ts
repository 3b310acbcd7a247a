/**
 * The CLI reads with node:zlib instead of fflate (and zlib's CRC-32 instead of
 * the table-driven one). The reader's guarantees must not depend on which
 * inflater or checksum runs: same values, same refusals.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8 } from 'fflate';
import { nativeCrc32, nativeInflate, nativeRead } from '../src/cli/native-inflate';
import { crc32 } from '../src/xlsx/crc32';
import { readWorkbook } from '../src/xlsx/read/index';
import { deflatedZeros, minimalParts, rawZip, zipParts, type RawEntry } from './fixtures/xlsx/craft';

const SHEET = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>你好</t></is></c></row></sheetData></worksheet>';

function withSheet(sheet: Partial<RawEntry>): Uint8Array {
  return rawZip(
    Object.entries(minimalParts(SHEET)).map(([name, text]) =>
      name === 'xl/worksheets/data.xml' ? { name, data: strToU8(text), ...sheet } : { name, data: strToU8(text) },
    ),
  );
}

const code = (bytes: Uint8Array): string => {
  const result = readWorkbook(bytes, { fileName: 'a.xlsx', ...nativeRead });
  return result.ok ? 'ok' : result.issue.code;
};

test('real files read to the same snapshot with either inflater', () => {
  const dir = path.join(__dirname, 'fixtures', 'real-world');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'))) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, name)));
    expect(readWorkbook(bytes, nativeRead)).toEqual(readWorkbook(bytes));
  }
});

test('a bomb that lies about its size stops at the declared size', () => {
  const bomb = deflatedZeros(50);
  expect(code(withSheet({ data: new Uint8Array(0), body: bomb.body, declaredSize: 5000, crc: bomb.crc }))).toBe('XLSX_READ_ZIP_SIZE_MISMATCH');
});

test('forged sizes, a bad CRC and a broken deflate stream are refused as with fflate', () => {
  const real = strToU8(SHEET).length;
  expect(code(withSheet({ declaredSize: real - 10 }))).toBe('XLSX_READ_ZIP_SIZE_MISMATCH');
  expect(code(withSheet({ declaredSize: real + 10 }))).toBe('XLSX_READ_ZIP_SIZE_MISMATCH');
  expect(code(withSheet({ crc: 0x12345678 }))).toBe('XLSX_READ_ZIP_CRC');
  expect(code(withSheet({ body: new Uint8Array([0xff, 0xff, 0xff, 0xff]) }))).toBe('XLSX_READ_ZIP_CORRUPT');
  expect(code(withSheet({}))).toBe('ok');
});

test('zlib\'s CRC-32 comes with Node\'s reading pieces and agrees with the portable one', () => {
  expect(nativeRead.crc32).toBe(nativeCrc32);
  let seed = 7;
  for (const length of [0, 1, 7, 8, 9, 63, 1000, 65_537]) {
    const data = new Uint8Array(length).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
    expect(nativeCrc32!(data)).toBe(crc32(data));
  }
});

test('an injected CRC-32 checks every inflated entry: one that disagrees refuses the file', () => {
  const bytes = withSheet({});
  const seen: number[] = [];
  const counting = (data: Uint8Array) => (seen.push(data.length), crc32(data));
  expect(readWorkbook(bytes, { crc32: counting }).ok).toBe(true);
  // _rels/.rels, workbook.xml, its rels and the sheet: every part the reader opened.
  expect(seen.length).toBe(4);
  const wrong = readWorkbook(bytes, { inflate: nativeInflate, crc32: (data) => crc32(data) ^ 1 });
  expect(wrong.ok ? 'ok' : wrong.issue.code).toBe('XLSX_READ_ZIP_CRC');
});

test('parts scanned as bytes read exactly as parts decoded whole: BOMs, invalid UTF-8, astral and long text', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  const bytes = (...pieces: (string | number[])[]) => new Uint8Array(Buffer.concat(pieces.map((p) => (typeof p === 'string' ? utf8(p) : Buffer.from(p)))));
  const long = '长文本😀'.repeat(1500); // over the short-decode buffer: goes to TextDecoder
  const sheet = bytes(
    [0xef, 0xbb, 0xbf], // a byte-order mark before the declaration is dropped
    '<worksheet><sheetData><row r="1">',
    '<c r="A1" t="inlineStr"><is><t>中', [0xe4, 0xb8], '</t></is></c>', // a cut-off character before `<`
    '<c r="B1" t="inlineStr"><is><t>', [0xef, 0xbb, 0xbf], 'x', [0xff, 0xc0, 0xaf, 0xed, 0xa0, 0x80], '😀</t></is></c>', // a mid-text BOM is text
    `<c r="C1" t="inlineStr"><is><t>${long}</t></is></c>`,
    '<c r="D1" t="str"><f>"', [0x80], '"</f><v>é', [0xf4, 0x90, 0x80, 0x80], '</v></c>',
    '</row></sheetData></worksheet>',
  );
  const file = zipParts({ ...minimalParts(''), 'xl/worksheets/data.xml': sheet });
  const native = readWorkbook(file, nativeRead);
  expect(native).toEqual(readWorkbook(file));
  if (!native.ok) throw new Error(native.issue.code);
  expect(native.workbook.sheets[0]!.cells.map((c) => c.value)).toEqual(['中\ufffd', '\ufeffx\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd😀', long, 'é\ufffd\ufffd\ufffd\ufffd']);
  expect(native.workbook.sheets[0]!.cells[3]!.formula).toBe('"\ufffd"');
});
