/**
 * Date arithmetic at its edges (Excel's phantom 1900-02-29, the 1904 system),
 * which format codes count as dates, and the promise that no bytes make the
 * reader throw: mutated and truncated copies of real files all come back as
 * a snapshot or a coded refusal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../src/xlsx/read';
import { isDateFormat, isDateFormatCode } from '../src/core/workbook/number-formats';
import { isoFromExcelSerial, isoToSerial, serialToDate } from '../src/core/workbook/serial-dates';
import { describeIssue } from '../src/core/issues';
import { MESSAGES_ZH_CN } from '../src/core/messages.zh-CN';

test('1900 system: the phantom leap day and its neighbours, and a date-time', () => {
  // Serial 60 (1900-02-29, a day that never was) names no date: decided once, in core/workbook/serial-dates.ts.
  expect([1, 59, 60, 61, 45473].map((s) => serialToDate(s, false)?.iso)).toEqual(['1900-01-01', '1900-02-28', undefined, '1900-03-01', '2024-06-30']);
  expect(isoFromExcelSerial(60)).toBeUndefined();
  expect(serialToDate(45473.75, false)).toEqual({ iso: '2024-06-30', time: '18:00:00' });
  // 23:59:59.9 rounds to the next midnight, not to 24:00:00.
  expect(serialToDate(45473 + 86_399.9 / 86_400, false)).toEqual({ iso: '2024-07-01' });
  expect([-1, 3e6, NaN].map((s) => serialToDate(s, false))).toEqual([undefined, undefined, undefined]);
});

test('1904 system: serial 0 is 1904-01-01, 1462 days after the 1900 system', () => {
  expect(serialToDate(0, true)?.iso).toBe('1904-01-01');
  expect(serialToDate(45473 - 1462, true)?.iso).toBe('2024-06-30');
  expect(isoToSerial('2024-06-30', true)).toBe(44011);
  expect([isoToSerial('1900-01-01', false), isoToSerial('1900-03-01', false), isoToSerial('2024-06-30T06:00:00Z', false)]).toEqual([1, 61, 45473.25]);
  expect(isoToSerial('30/06/2024', false)).toBeUndefined();
});

test('format codes: date tokens count, quoted text, colours, escapes and scientific notation do not', () => {
  const dates = ['yyyy"年"m"月"d"日"', 'yyyy-mm-dd', 'm/d/yy', 'h:mm', '[h]:mm:ss', 'mm:ss', '[$-804]yyyy年m月', 'e"年"m"月"', '[DBNum1]yyyy"年"m"月"d"日"', 'YYYY'];
  const numbers = ['0.00', '#,##0', '[Red]#,##0.00', '"mm"0', '0.00E+00', '0%', '@', 'General', '[BLUE]GENERAL', '\\d0', '_(* #,##0_)', '0.0 "天"'];
  expect(dates.filter((c) => !isDateFormatCode(c))).toEqual([]);
  expect(numbers.filter((c) => isDateFormatCode(c))).toEqual([]);
  const builtinDates = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];
  expect(builtinDates.filter((id) => !isDateFormat(id, undefined))).toEqual([]);
  expect([0, 1, 2, 9, 10, 13, 23, 26, 37, 44, 48, 49, 59].filter((id) => isDateFormat(id, undefined))).toEqual([]);
});

/** A small deterministic PRNG so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('no bytes make the reader throw: 600 mutated and truncated copies of real files', () => {
  const sources = [
    path.join(__dirname, 'fixtures', 'xlsx', 'source.xlsx'),
    path.join(__dirname, 'fixtures', 'xlsx', 'legacy.xls'),
    path.join(__dirname, 'fixtures', 'real-world', 'wps_fn.xlsx'),
  ].map((f) => new Uint8Array(fs.readFileSync(f)));
  const random = prng(20240630);
  const codes = new Set<string>();
  let ok = 0;
  for (let i = 0; i < 600; i++) {
    const original = sources[i % sources.length]!;
    let bytes = original.slice();
    if (i % 3 === 0) bytes = bytes.subarray(0, Math.floor(random() * bytes.length));
    else for (let n = 1 + Math.floor(random() * 8); n > 0; n--) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
    const result = readWorkbook(bytes, { fileName: `fuzz-${i}.xlsx` });
    if (result.ok) ok++;
    else {
      codes.add(result.issue.code);
      expect(result.issue.where.file).toBe(`fuzz-${i}.xlsx`);
      expect(Object.keys(MESSAGES_ZH_CN)).toContain(result.issue.code);
      expect(describeIssue(result.issue)).not.toMatch(/\{\w+\}/);
    }
  }
  // A mutation inside a deflated entry is caught by its CRC; nothing escapes as an internal error.
  expect(codes.has('XLSX_READ_INTERNAL')).toBe(false);
  expect(codes.has('XLSX_READ_ZIP_TRUNCATED')).toBe(true);
  expect(ok).toBeGreaterThan(0);
});
