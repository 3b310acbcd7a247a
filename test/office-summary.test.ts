/**
 * 汇总 written into the open workbook: chunked so each request stays under
 * Excel on the web's 5 MB limit, one sync per chunk (the count grows with
 * megabytes, not rows), and schools' text that looks like a formula or a date
 * stays exactly as written.
 */
import type { SheetSpec, WorkbookSpec } from '../src/core/workbook/spec';
import { STYLES } from '../src/core/template/styles';
import { writeSummaryToExcel } from '../src/office/generate';
import { PAYLOAD_LIMIT_BYTES } from '../src/office/spec-layout';
import { jsonBytes } from '../src/office/write-ops';
import { excelMock, type RangeRecord } from './helpers/excel-mock';

const RISKY = ['=1+1', '+86 13800000000', '-已完成', '@校长', '2024-06-30', '6/30', '007'];

/** A detail sheet of `rows` rows, eight columns of school text; row 3 carries the risky texts. */
function summarySpec(rows: number, filler = '已按计划完成各项工作，成效明显，下一步继续推进。'): WorkbookSpec {
  const sheet: SheetSpec = {
    name: '明细',
    kind: 'summary',
    state: 'visible',
    columns: Array.from({ length: 8 }, (_, i) => ({ key: `c${i}`, header: `列${i}`, width: 20, locked: true, wrap: true, hidden: false })),
    rows: [
      { row: 1, cells: [{ col: 1, value: '汇总明细', style: 'title' }] },
      ...Array.from({ length: rows }, (_, i) => ({
        row: i + 2,
        cells: Array.from({ length: 8 }, (_, c) => ({ col: c + 1, value: i === 1 ? (RISKY[c] ?? filler) : `${filler}${i}`, style: 'fixed' })),
      })),
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
  return { templateId: 'summary-test', templateVersion: 1, title: '汇总', sheets: [sheet], styles: { ...STYLES }, definedNames: [], lockStructure: false };
}

function bytesPerBatch(ranges: RangeRecord[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const r of ranges) {
    const bytes = jsonBytes(r.values ?? null) + jsonBytes(r.numberFormat ?? null);
    sizes.set(r.batch, (sizes.get(r.batch) ?? 0) + bytes);
  }
  return sizes;
}

describe('writeSummaryToExcel', () => {
  test('a summary over 5 MB is split; every request stays under the limit; rows arrive whole and in order', async () => {
    const mock = excelMock(13);
    const spec = summarySpec(30_000);
    const result = await writeSummaryToExcel(spec, mock.env, { token: 'big' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.method).toBe('ranges'); // never the single-request insert, even on 1.13
    const sizes = bytesPerBatch(mock.ranges);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(PAYLOAD_LIMIT_BYTES * 2);
    expect(sizes.size).toBeGreaterThanOrEqual(Math.ceil(total / PAYLOAD_LIMIT_BYTES));
    for (const size of sizes.values()) expect(size).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    // 1 read + one per write batch + 1 rename.
    expect(result.syncs).toBe(sizes.size + 2);
    const written = mock.ranges.filter((r) => r.values).flatMap((r) => r.values as unknown[][]);
    expect(written).toHaveLength(30_001);
    expect(written[30_000]![0]).toBe('已按计划完成各项工作，成效明显，下一步继续推进。29999');
  });

  test('below the limit, 10 and 10,000 rows take the same syncs', async () => {
    const a = excelMock(7);
    const b = excelMock(7);
    const small = await writeSummaryToExcel(summarySpec(10, '完成'), a.env);
    const large = await writeSummaryToExcel(summarySpec(10_000, '完成'), b.env);
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(3);
  });

  test.each([1, 7, 13])('ExcelApi 1.%i: formula-like and date-like text goes in as text', async (minor) => {
    const mock = excelMock(minor);
    const result = await writeSummaryToExcel(summarySpec(5), mock.env, { token: 'r' });
    expect(result.ok).toBe(true);
    const formats = mock.ranges.find((r) => r.numberFormat)!;
    const values = mock.ranges.find((r) => r.values && r.address === formats.address)!;
    expect(formats.batch).toBeLessThanOrEqual(values.batch);
    expect(mock.ranges.indexOf(formats)).toBeLessThan(mock.ranges.indexOf(values));
    const row = (values.values as unknown[][])[2]!;
    const rowFormats = (formats.numberFormat as string[][])[2]!;
    RISKY.forEach((text, c) => {
      expect(row[c]).toBe(text);
      expect(rowFormats[c]).toBe('@');
    });
    expect((formats.numberFormat as string[][])[3]![0]).toBe('General');
  });

  test('a payload refusal mid-way is retried in halves (office-write-documented); one that even a single write cannot pass leaves no summary sheet behind and says what to do', async () => {
    const mock = excelMock(13, [{ name: '汇总' }], { payloadLimit: 1000 });
    const result = await writeSummaryToExcel(summarySpec(300), mock.env, { token: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFICE_PAYLOAD_TOO_LARGE' } });
    expect(mock.live().map((s) => s.mock.name)).toEqual(['汇总']);
  });
});
