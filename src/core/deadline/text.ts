/**
 * Reading a 完成时限 written as text: `2024年6月30日`, `6月底前`, `第三季度`,
 * `每学期`, `长期坚持`… A due period resolves to its LAST day (`6月中旬` →
 * 06-20, `上半年` → 06-30), because that is when the work is due.
 */
import { endOfMonth, isoDate } from '../calendar.js';
import type { IsoDate } from '../model.js';

export type DeadlinePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';
export type DeadlinePeriod = 'week' | 'month' | 'quarter' | 'semester' | 'year';

export type TextReading =
  | { kind: 'date'; date: IsoDate; precision: DeadlinePrecision }
  | { kind: 'recurring'; period: DeadlinePeriod }
  | { kind: 'ongoing' };

/** Dates outside this window are typos (`2204年`) or not dates at all; a plan looks a few years ahead at most. */
export const PLAUSIBLE_YEARS = { min: 1990, max: 2100 } as const;

export function isPlausibleIso(iso: IsoDate): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
}

/**
 * NFKC turns full-width digits and punctuation (`２０２４／６／３０`, `－`, `～`)
 * into ASCII; a trailing clock time (`2024-06-30 00:00:00`, what a Date
 * pasted as text looks like) is dropped; then every space goes, so
 * `2024 年 6 月 30 日` reads like `2024年6月30日`.
 */
export function compactDeadlineText(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '')
    .replace(/\s+/g, '');
}

const CN_DIGITS = '〇一二三四五六七八九';

/** `6`, `06`, `六`, `十二`, `三十一` → number; undefined otherwise. */
function smallNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const digit = (ch: string | undefined) => (ch ? CN_DIGITS.indexOf(ch) : -1);
  if (!text.includes('十')) return text.length === 1 && digit(text) > 0 ? digit(text) : undefined;
  const [tens = '', ones = ''] = text.split('十');
  if (tens.length > 1 || ones.length > 1) return undefined;
  const t = tens ? digit(tens) : 1;
  const o = ones ? digit(ones) : 0;
  return t > 0 && o >= 0 ? t * 10 + o : undefined;
}

/** `2024` or `二〇二四` / `二零二四`. Two-digit years are refused: `24年` could be anything. */
function yearNumber(text: string): number | undefined {
  const ascii = text.replace(/零/g, '〇').replace(/[〇一二三四五六七八九]/g, (ch) => String(CN_DIGITS.indexOf(ch)));
  return /^\d{4}$/.test(ascii) ? Number(ascii) : undefined;
}

const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';

interface DateReading {
  date: IsoDate;
  precision: DeadlinePrecision;
  year: number;
  explicitYear: boolean;
}

function reading(date: IsoDate | undefined, precision: DeadlinePrecision, explicitYear: boolean): DateReading | undefined {
  return date === undefined ? undefined : { date, precision, year: Number(date.slice(0, 4)), explicitYear };
}

/** `2024-06-30`, `2024/6/30`, `2024.6.30`, `20240630`, and year-month `2024-06` (month end). */
function readNumericDate(s: string): DateReading | undefined {
  const full = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(s) ?? /^(\d{4})()(\d{2})(\d{2})$/.exec(s);
  if (full) return reading(isoDate(Number(full[1]), Number(full[3]), Number(full[4])), 'day', true);
  const month = /^(\d{4})[-/.](\d{1,2})$/.exec(s);
  if (month) return reading(endOfMonth(Number(month[1]), Number(month[2])), 'month', true);
  return undefined;
}

const YEAR_PREFIX = new RegExp(`^(?:${YEAR}年?|[本今]年)`);
/** What may follow `2024年` (or a bare leading `年`) to mean the year's end: `2024年`, `年底`, `年内`, `2024年度`. */
const YEAR_END_AFTER_YEAR = new Set(['', '底', '末', '内', '终', '度', '度内', '度末', '度底']);
/** Year-end words that stand on their own, also after a year: `全年`, `2024年年底`. */
const YEAR_END_WORDS = new Set(['全年', '年底', '年末', '年内', '年终', '年度内']);
const HALF = /^([上下])半年(?:末|底|内)?$/;
const QUARTER = /^第?([一二三四1-4])季度?(?:末|底|内)?$/;
const MONTH = new RegExp(`^${NUM}月(份)?(底|末|内|初|中|上旬|中旬|下旬)?$`);
const MONTH_DAY = new RegExp(`^${NUM}月${NUM}[日号]?$`);

/** One due date with an optional leading year; `defaultYear` fills in a missing one. */
function readSingle(s: string, defaultYear: number): DateReading | undefined {
  const numeric = readNumericDate(s);
  if (numeric) return numeric;

  let year = defaultYear;
  let explicitYear = false;
  let anchored = false; // the text named a year (`2024年`, `本年`) or started with `年`
  let rest = s;
  const prefix = YEAR_PREFIX.exec(s);
  if (prefix) {
    if (prefix[1] !== undefined) {
      const written = yearNumber(prefix[1]);
      if (written === undefined) return undefined;
      year = written;
      explicitYear = true;
    }
    anchored = true;
    rest = s.slice(prefix[0].length);
  } else if (s.startsWith('年')) {
    anchored = true;
    rest = s.slice(1);
  }

  if ((anchored && YEAR_END_AFTER_YEAR.has(rest) && (rest !== '' || prefix)) || YEAR_END_WORDS.has(rest)) {
    return reading(isoDate(year, 12, 31), 'year', explicitYear);
  }
  if (anchored && rest === '中') return reading(isoDate(year, 6, 30), 'half', explicitYear); // 年中
  const half = HALF.exec(rest);
  if (half) return reading(half[1] === '上' ? isoDate(year, 6, 30) : isoDate(year, 12, 31), 'half', explicitYear);
  const quarter = QUARTER.exec(rest);
  if (quarter) {
    const q = Number(quarter[1]) || '一二三四'.indexOf(quarter[1] ?? '') + 1;
    return reading(endOfMonth(year, q * 3), 'quarter', explicitYear);
  }
  const month = MONTH.exec(rest);
  if (month) {
    const m = smallNumber(month[1] ?? '');
    if (m === undefined) return undefined;
    const part = month[3];
    // 旬 are the 1st–10th, 11th–20th and 21st–end; 月初/月中 read like 上旬/中旬.
    if (part === '初' || part === '上旬') return reading(isoDate(year, m, 10), 'day', explicitYear);
    if (part === '中' || part === '中旬') return reading(isoDate(year, m, 20), 'day', explicitYear);
    return reading(endOfMonth(year, m), part === '下旬' ? 'day' : 'month', explicitYear);
  }
  const monthDay = MONTH_DAY.exec(rest);
  if (monthDay) {
    const m = smallNumber(monthDay[1] ?? '');
    const d = smallNumber(monthDay[2] ?? '');
    if (m === undefined || d === undefined) return undefined;
    return reading(isoDate(year, m, d), 'day', explicitYear);
  }
  return undefined;
}

const RANGE_SEPARATOR = /至|到|~|—|–|―|-/g;

/**
 * A single date, or a range `2024年3月-6月` / `3月至6月底` / `2024.3-2024.6`,
 * read as its end. The end inherits the start's year; if that puts it before
 * the start (`2024年11月-2月`), it is in the next year.
 */
function readDateOrRange(s: string, defaultYear: number): DateReading | undefined {
  const single = readSingle(s, defaultYear);
  if (single) return single;
  const separators = [...s.matchAll(RANGE_SEPARATOR)].reverse();
  for (const sep of separators) {
    const left = s.slice(0, sep.index);
    const right = s.slice(sep.index + sep[0].length);
    if (!left || !right) continue;
    // `2024年3-6月`: the start may leave its 月 to the end.
    const start = readSingle(left, defaultYear) ?? readSingle(`${left}月`, defaultYear);
    if (!start) continue;
    const end = readSingle(right, start.year);
    if (!end) continue;
    if (!end.explicitYear && end.date < start.date) return readSingle(right, start.year + 1);
    return end;
  }
  return undefined;
}

const RECURRING = /^(?:每|按)(周|星期|月|季度|季|学期|学年|年度|年)/;
const RECURRING_PERIOD: Record<string, DeadlinePeriod> = {
  周: 'week', 星期: 'week', 月: 'month', 季度: 'quarter', 季: 'quarter',
  学期: 'semester', 学年: 'year', 年度: 'year', 年: 'year',
};
/** `长期`, `长期坚持`, `持续推进`, `常态化开展`; a tail with digits (`持续至6月`) is not open-ended. */
const ONGOING = /^(?:长期|持续|常态化|常年|长效|经常)\D{0,6}$/;
/** `截至2024年6月30日`, `6月底前完成`, `12月31日为止`. */
const LEAD_WORDS = /^(?:截至|截止到|截止|到|于|在)/;
const TRAIL_WORDS = /(?:以前|之前|为止|截止|前|止)?(?:完成)?$/;

/** Reads a non-empty trimmed text; undefined when it is not a deadline we understand. */
export function readDeadlineText(text: string, year: number): TextReading | undefined {
  const s = compactDeadlineText(text);
  const recurring = RECURRING.exec(s);
  if (recurring) return { kind: 'recurring', period: RECURRING_PERIOD[recurring[1] ?? ''] ?? 'year' };
  if (ONGOING.test(s)) return { kind: 'ongoing' };
  const body = s.replace(LEAD_WORDS, '').replace(TRAIL_WORDS, '');
  if (!body) return undefined;
  const date = readDateOrRange(body, year);
  if (!date || !isPlausibleIso(date.date)) return undefined;
  return { kind: 'date', date: date.date, precision: date.precision };
}
