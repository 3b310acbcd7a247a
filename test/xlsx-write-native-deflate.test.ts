/**
 * The CLI writes workbooks with node:zlib (batches deflated on a background thread
 * and joined into one stream) instead of fflate. Whichever deflater runs, the
 * parts must hold the same XML, and the container must be a valid zip: CRCs
 * and sizes right, every deflate stream properly ended.
 */
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { nativeRender } from '../src/cli/native-deflate';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { crc32 } from '../src/xlsx/crc32';
import { writeWorkbook } from '../src/xlsx/write/index';
import { loadExcel, sheet, workbookSpec } from './helpers/write-spec';

interface ZipEntry {
  name: string;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** Entries as the central directory describes them, with their raw (still deflated) data. */
function entries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength)),
      crc: view.getUint32(at + 16, true),
      size: view.getUint32(at + 24, true),
      data: bytes.subarray(start, start + view.getUint32(at + 20, true)),
    });
    at += 46 + nameLength;
  }
  return out;
}

// Over 5,000 rows (the fast level) and well over one 512 KB batch of XML, so the sheet is several joined batches.
const rows = Array.from({ length: 12_000 }, (_, i) => [`第${i}行：坚持以习近平新时代中国特色社会主义思想为指导`, i, i % 7 === 0 ? null : `备注 ${i % 13}`]);
const spec = workbookSpec([sheet('明细', rows), sheet('小表', [['甲', 1]])]);

test('node:zlib and fflate give the same parts; every entry inflates to its declared size and CRC', async () => {
  const native = await renderWorkbook(spec, nativeRender);
  const portable = await writeWorkbook(spec);
  const a = unzipSync(native);
  const b = unzipSync(portable);
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const name of Object.keys(b)) expect(strFromU8(a[name]!)).toBe(strFromU8(b[name]!));
  expect(a['xl/worksheets/sheet1.xml']!.length).toBeGreaterThan(2 * 512 * 1024);

  for (const bytes of [native, portable]) {
    for (const entry of entries(bytes)) {
      // inflateRawSync throws on a stream without its final block.
      const data = inflateRawSync(entry.data);
      expect([entry.name, data.length]).toEqual([entry.name, entry.size]);
      expect([entry.name, zlibCrc32(data)]).toEqual([entry.name, entry.crc]);
    }
  }
});

test('a natively deflated workbook reads back in exceljs and in our reader', async () => {
  const bytes = await renderWorkbook(spec, nativeRender);
  const ws = (await loadExcel(bytes)).getWorksheet('明细')!;
  expect([ws.getCell('A12000').value, ws.getCell('B12000').value, ws.getCell('C12000').value]).toEqual([rows[11_999]![0], 11_999, rows[11_999]![2]]);
  const read = readWorkbook(bytes, { fileName: 'big.xlsx' });
  expect(read.ok).toBe(true);
});

test('the portable CRC-32 matches zlib, in one piece or continued', () => {
  const data = new TextEncoder().encode('<c r="A1" s="3" t="s"><v>12</v></c>仪征市实验小学'.repeat(50));
  expect(crc32(data)).toBe(zlibCrc32(data));
  expect(crc32(data.subarray(100), crc32(data.subarray(0, 100)))).toBe(zlibCrc32(data));
  expect(crc32(new Uint8Array(0))).toBe(0);
});

test('more batches than the thread has slots for: the rest are deflated on the main thread, and the parts are the same', async () => {
  // About 12 MB of sheet XML: two dozen 512 KB batches written without a pause, far more than the 8 shared slots.
  const many = Array.from({ length: 100_000 }, (_, i) => [`第${i}行：坚持以习近平新时代中国特色社会主义思想为指导，落实全面从严治党`, i]);
  const big = workbookSpec([sheet('明细', many)]);
  const native = unzipSync(await renderWorkbook(big, nativeRender));
  const portable = unzipSync(await writeWorkbook(big));
  expect(native['xl/worksheets/sheet1.xml']!.length).toBeGreaterThan(8 * 1024 * 1024);
  expect(Object.keys(native)).toEqual(Object.keys(portable));
  for (const name of Object.keys(portable)) expect(Buffer.from(native[name]!).equals(Buffer.from(portable[name]!))).toBe(true);
});
