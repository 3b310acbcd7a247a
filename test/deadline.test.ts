/**
 * The 完成时限 reader: every accepted written form, Excel serials (1900 and
 * 1904 systems, the fake 1900-02-29), exceljs Dates, and what must stay unknown.
 */
import { type Deadline as DeadlineT, readDeadline } from '../src/core/deadline/index';
import { Deadline } from '../src/core/deadline/schema';
import { DEADLINE_FORM_EXAMPLES, DEADLINE_PROMPT_ZH } from '../src/core/deadline/forms';

const CTX = { year: 2024 };
type Precision = 'day' | 'month' | 'quarter' | 'half' | 'year';

describe('written due dates', () => {
  test.each<[string, string, Precision]>([
    ['2024-06-30', '2024-06-30', 'day'],
    ['2024/6/30', '2024-06-30', 'day'],
    ['2024.6.30', '2024-06-30', 'day'],
    ['20240630', '2024-06-30', 'day'],
    ['2024年6月30日', '2024-06-30', 'day'],
    ['2024年6月30号', '2024-06-30', 'day'],
    ['6月30日', '2024-06-30', 'day'],
    ['二〇二四年六月三十日', '2024-06-30', 'day'],
    ['12月31日前', '2024-12-31', 'day'],
    ['6月30日以前', '2024-06-30', 'day'],
    ['6月30日之前', '2024-06-30', 'day'],
    ['6月30日止', '2024-06-30', 'day'],
    ['6月30日为止', '2024-06-30', 'day'],
    ['截至2024年5月20日', '2024-05-20', 'day'],
    ['２０２４／６／３０', '2024-06-30', 'day'],
    ['２０２４年６月３０日', '2024-06-30', 'day'],
    ['2024 年 6 月 30 日', '2024-06-30', 'day'],
    ['2024年 6月30 日前', '2024-06-30', 'day'],
    ['2024-06-30 00:00:00', '2024-06-30', 'day'],
    ['2024-06-30T00:00:00.000Z', '2024-06-30', 'day'],
    ['6月上旬', '2024-06-10', 'day'],
    ['6月中旬', '2024-06-20', 'day'],
    ['6月下旬', '2024-06-30', 'day'],
    ['2月下旬', '2024-02-29', 'day'],
    ['6月底前', '2024-06-30', 'month'],
    ['6月底前完成', '2024-06-30', 'month'],
    ['2024年6月底前', '2024-06-30', 'month'],
    ['2025年3月底', '2025-03-31', 'month'],
    ['6月份', '2024-06-30', 'month'],
    ['9月', '2024-09-30', 'month'],
    ['十二月底', '2024-12-31', 'month'],
    ['2月底前', '2024-02-29', 'month'],
    ['2024-06', '2024-06-30', 'month'],
    ['年底前', '2024-12-31', 'year'],
    ['年内', '2024-12-31', 'year'],
    ['年末', '2024-12-31', 'year'],
    ['全年', '2024-12-31', 'year'],
    ['本年度', '2024-12-31', 'year'],
    ['2024年', '2024-12-31', 'year'],
    ['2025年底前', '2025-12-31', 'year'],
    ['2024年度', '2024-12-31', 'year'],
    ['上半年', '2024-06-30', 'half'],
    ['下半年', '2024-12-31', 'half'],
    ['2025年上半年', '2025-06-30', 'half'],
    ['第一季度', '2024-03-31', 'quarter'],
    ['第三季度', '2024-09-30', 'quarter'],
    ['三季度末', '2024-09-30', 'quarter'],
    ['第4季度', '2024-12-31', 'quarter'],
    ['2025年第二季度', '2025-06-30', 'quarter'],
  ])('%s → %s (%s)', (input, date, precision) => {
    expect(readDeadline(input, CTX)).toEqual({ kind: 'date', date, precision, text: input });
  });

  test.each<[string, string, Precision]>([
    ['2024年3月-6月', '2024-06-30', 'month'],
    ['2024年3-6月', '2024-06-30', 'month'],
    ['3月至6月底', '2024-06-30', 'month'],
    ['2024.3-2024.6', '2024-06-30', 'month'],
    ['2024-03-01至2024-06-30', '2024-06-30', 'day'],
    ['4月1日～5月15日', '2024-05-15', 'day'],
    ['2024年11月-2月', '2025-02-28', 'month'], // the end is before the start: it is next year
  ])('range %s → its end %s', (input, date, precision) => {
    expect(readDeadline(input, CTX)).toEqual({ kind: 'date', date, precision, text: input });
  });

  test.each<[string, number, string]>([
    ['6月底前', 2025, '2025-06-30'],
    ['2月底', 2023, '2023-02-28'],
    ['年底前', 2026, '2026-12-31'],
    ['上半年', 2023, '2023-06-30'],
    ['2024年6月30日', 2030, '2024-06-30'], // a written year wins over the plan year
  ])('%s in plan year %i → %s', (input, year, date) => {
    expect(readDeadline(input, { year })).toMatchObject({ kind: 'date', date });
  });

  test('text is the trimmed original, not the normalised form', () => {
    expect(readDeadline('  ２０２４／６／３０\u3000', CTX)).toMatchObject({ text: '２０２４／６／３０' });
  });
});

describe('recurring and ongoing work', () => {
  test.each([
    ['每周', 'week'],
    ['每月', 'month'],
    ['每月10日前', 'month'],
    ['按月', 'month'],
    ['每季度', 'quarter'],
    ['每季', 'quarter'],
    ['每学期', 'semester'],
    ['每年', 'year'],
    ['每年12月底前', 'year'],
    ['每 学 期', 'semester'],
  ])('%s → every %s', (input, period) => {
    expect(readDeadline(input, CTX)).toEqual({ kind: 'recurring', period, text: input });
  });

  test.each(['长期坚持', '长期', '持续推进', '常态化', '常态化开展', ' 长期 坚持 '])('%s → ongoing', (input) => {
    expect(readDeadline(input, CTX)).toEqual({ kind: 'ongoing', text: input.trim() });
  });
});

describe('what is not a deadline', () => {
  test.each([
    '已完成',
    '按上级要求',
    '待定',
    '24年6月30日', // two-digit years are refused
    '24/6/30',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '6月32日',
    '13月底',
    '2204年6月', // implausible year: a typo
    '1989年底',
    '年',
    '底前',
    '6-30',
    '持续至6月',
    '每半年',
  ])('%s → unknown', (input) => {
    expect(readDeadline(input, CTX)).toEqual({ kind: 'unknown', text: input });
  });

  test.each([null, undefined, '', '   ', '\u3000', '\t\n'])('%j → empty', (input) => {
    expect(readDeadline(input, CTX)).toEqual({ kind: 'empty' });
  });
});

describe('numbers are Excel date serials', () => {
  test.each<[number, boolean, string]>([
    [45473, false, '2024-06-30'],
    [45473.75, false, '2024-06-30'], // the time of day is dropped
    [45474, false, '2024-07-01'],
    [32874, false, '1990-01-01'],
    [73415, false, '2100-12-31'],
    [44011, true, '2024-06-30'], // 1904 system: 1462 days fewer
    [44011.5, true, '2024-06-30'],
  ])('%d (1904: %s) → %s', (serial, date1904, date) => {
    expect(readDeadline(serial, { year: 2024, date1904 })).toEqual({ kind: 'date', date, precision: 'day', text: date });
  });

  test.each<[number, boolean]>([
    [32873, false], // 1989-12-31
    [73416, false], // 2101-01-01
    [5, false],
    [60, false], // the fake 1900-02-29
    [0, false],
    [-3, false],
    [NaN, false],
    [Infinity, false],
    [0, true],
  ])('%d (1904: %s) is not a plausible deadline → unknown, shown as typed', (serial, date1904) => {
    expect(readDeadline(serial, { year: 2024, date1904 })).toEqual({ kind: 'unknown', text: String(serial) });
  });

  test('a bare year and yyyymmdd typed as numbers', () => {
    expect(readDeadline(2025, CTX)).toEqual({ kind: 'date', date: '2025-12-31', precision: 'year', text: '2025' });
    expect(readDeadline(20240630, CTX)).toEqual({ kind: 'date', date: '2024-06-30', precision: 'day', text: '2024-06-30' });
    expect(readDeadline(20240230, CTX)).toEqual({ kind: 'unknown', text: '20240230' });
  });
});

describe('Dates from exceljs are read by their UTC calendar date', () => {
  /** A Date whose local getters behave as in UTC+8 whatever zone the tests run in (jest cannot switch TZ per file). */
  class ShanghaiDate extends Date {
    private shifted(): Date {
      return new Date(this.getTime() + 8 * 3_600_000);
    }
    override getFullYear(): number {
      return this.shifted().getUTCFullYear();
    }
    override getMonth(): number {
      return this.shifted().getUTCMonth();
    }
    override getDate(): number {
      return this.shifted().getUTCDate();
    }
  }

  test('the local calendar date is not used', () => {
    const lateEvening = new ShanghaiDate(Date.UTC(2024, 11, 31, 20));
    expect(lateEvening.getDate()).toBe(1); // already 2025-01-01 in Shanghai
    expect(readDeadline(lateEvening, CTX)).toEqual({ kind: 'date', date: '2024-12-31', precision: 'day', text: '2024-12-31' });
  });

  test.each<[Date, string]>([
    [new Date(Date.UTC(2024, 5, 30)), '2024-06-30'],
    [new Date(Date.UTC(2024, 5, 30, 23, 59)), '2024-06-30'], // would be 07-01 in UTC+8
    [new Date(Date.UTC(2024, 1, 29, 16)), '2024-02-29'],
  ])('%s → %s', (value, date) => {
    expect(readDeadline(value, CTX)).toEqual({ kind: 'date', date, precision: 'day', text: date });
  });

  test('an invalid Date and a time-only cell (1899-12-30) are unknown', () => {
    expect(readDeadline(new Date('not a date'), CTX)).toEqual({ kind: 'unknown', text: 'Invalid Date' });
    expect(readDeadline(new Date(Date.UTC(1899, 11, 30, 9)), CTX)).toEqual({ kind: 'unknown', text: '1899-12-30' });
  });
});

describe('the forms shown to users', () => {
  const KIND_BY_LABEL: Record<string, DeadlineT['kind']> = {
    具体日期: 'date', '月底、年底': 'date', '半年、季度': 'date', 周期性工作: 'recurring', 长期工作: 'ongoing',
  };
  const cases = DEADLINE_FORM_EXAMPLES.flatMap(({ label, examples }) => examples.map((e) => [label, e] as const));

  test('every label has an expected kind', () => {
    expect(Object.keys(KIND_BY_LABEL).sort()).toEqual(DEADLINE_FORM_EXAMPLES.map((f) => f.label).sort());
  });

  test.each(cases)('%s: %s is understood', (label, example) => {
    const result = readDeadline(example, CTX);
    expect(result.kind).toBe(KIND_BY_LABEL[label]);
    expect(Deadline.parse(result)).toEqual(result);
  });

  test('every example in the input prompt is understood', () => {
    const list = DEADLINE_PROMPT_ZH.replace(/^可填：/, '').replace(/\s*等。$/, '').split('、');
    expect(list.length).toBeGreaterThanOrEqual(8);
    for (const example of list) {
      expect([example, readDeadline(example, CTX).kind]).not.toEqual([example, 'unknown']);
      expect([example, readDeadline(example, CTX).kind]).not.toEqual([example, 'empty']);
    }
  });
});

describe('the Deadline schema', () => {
  test('rejects a date that is not ISO and an unknown kind', () => {
    expect(Deadline.safeParse({ kind: 'date', date: '2024/6/30', precision: 'day', text: 'x' }).success).toBe(false);
    expect(Deadline.safeParse({ kind: 'date', date: '2024-06-30', precision: 'week', text: 'x' }).success).toBe(false);
    expect(Deadline.safeParse({ kind: 'later', text: 'x' }).success).toBe(false);
    expect(Deadline.safeParse({ kind: 'recurring', period: 'semester', text: '每学期' }).success).toBe(true);
  });
});
