/**
 * Calendar helpers shared with the template renderer and the submission
 * reader: validated ISO dates and Excel serials in both date systems,
 * including the fake 1900-02-29 (serial 60) Excel inherited from Lotus 1-2-3.
 */
import { compareIso, daysInMonth, endOfMonth, isoDate, isoFromLocalDate, isoFromUtcDate } from '../src/core/calendar';
import { excelSerialFromIso, isoFromExcelSerial } from '../src/core/workbook/serial-dates';

describe('isoDate', () => {
  test.each<[number, number, number, string | undefined]>([
    [2024, 6, 30, '2024-06-30'],
    [2024, 1, 1, '2024-01-01'],
    [2024, 2, 29, '2024-02-29'],
    [2000, 2, 29, '2000-02-29'],
    [2023, 2, 29, undefined],
    [1900, 2, 29, undefined], // 1900 was not a leap year, whatever Excel says
    [2024, 2, 30, undefined],
    [2024, 4, 31, undefined],
    [2024, 13, 1, undefined],
    [2024, 0, 1, undefined],
    [2024, 6, 0, undefined],
    [2024, 6.5, 1, undefined],
    [0, 1, 1, undefined],
  ])('%i-%i-%i → %s', (y, m, d, expected) => {
    expect(isoDate(y, m, d)).toBe(expected);
  });

  test('daysInMonth and endOfMonth follow the leap-year rule', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2100, 2), daysInMonth(2024, 11)]).toEqual([29, 28, 28, 30]);
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2024, 13)).toBeUndefined();
  });

  test('compareIso orders by calendar', () => {
    expect(compareIso('2024-06-30', '2024-07-01')).toBeLessThan(0);
    expect(compareIso('2024-12-31', '2024-02-01')).toBeGreaterThan(0);
    expect(compareIso('2024-06-30', '2024-06-30')).toBe(0);
    expect(['2025-01-01', '2024-06-30', '2024-12-31'].sort(compareIso)).toEqual(['2024-06-30', '2024-12-31', '2025-01-01']);
  });

  test('isoFromUtcDate ignores the local time zone', () => {
    expect(isoFromUtcDate(new Date(Date.UTC(2024, 11, 31, 23, 59, 59)))).toBe('2024-12-31');
    expect(isoFromUtcDate(new Date(NaN))).toBeUndefined();
  });
});

describe('Excel serials, 1900 system', () => {
  test.each<[number, string | undefined]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, undefined], // the fake 1900-02-29
    [61, '1900-03-01'],
    [0, undefined],
    [-1, undefined],
    [45292, '2024-01-01'],
    [45473, '2024-06-30'],
    [45473.999, '2024-06-30'],
    [2958465, '9999-12-31'],
    [2958466, undefined],
    [NaN, undefined],
    [Infinity, undefined],
  ])('%d → %s', (serial, iso) => {
    expect(isoFromExcelSerial(serial)).toBe(iso);
  });

  test.each<[string, number | undefined]>([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['2024-01-01', 45292],
    ['2024-06-30', 45473],
    ['1899-12-31', undefined],
    ['2024-02-30', undefined],
    ['2024/06/30', undefined],
  ])('%s → %s', (iso, serial) => {
    expect(excelSerialFromIso(iso)).toBe(serial);
  });

  test('round trip for every day around the fake leap day and across 2024', () => {
    for (const serial of [...range(1, 200), ...range(45200, 45700)]) {
      if (serial === 60) continue;
      const iso = isoFromExcelSerial(serial);
      expect([serial, iso && excelSerialFromIso(iso)]).toEqual([serial, serial]);
    }
  });
});

describe('Excel serials, 1904 system', () => {
  test.each<[number, string | undefined]>([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [59, '1904-02-29'], // a real leap day: no bug in this system
    [44011, '2024-06-30'],
    [45473 - 1462, '2024-06-30'],
    [-1, undefined],
  ])('%d → %s', (serial, iso) => {
    expect(isoFromExcelSerial(serial, true)).toBe(iso);
  });

  test.each<[string, number | undefined]>([
    ['1904-01-01', 0],
    ['2024-06-30', 44011],
    ['1903-12-31', undefined],
  ])('%s → %s', (iso, serial) => {
    expect(excelSerialFromIso(iso, true)).toBe(serial);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

test('isoFromLocalDate: the day in local time, even late in the evening (where UTC may already be tomorrow)', () => {
  expect(isoFromLocalDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
  expect(isoFromLocalDate(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
});
