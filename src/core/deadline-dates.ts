/**
 * Small pure calendar helpers shared by the deadline reader, the template
 * renderer and the submission reader: validated ISO dates and Excel date
 * serials. Dates are plain `YYYY-MM-DD` strings; arithmetic goes through
 * `Date.UTC` so the local time zone never matters.
 */
import type { IsoDate } from './model.js';

const DAY_MS = 86_400_000;
/** Excel's 1900 system counts days from 1899-12-30 for every date from 1900-03-01 on. */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
/** 1904-01-01 is serial 0 in the 1904 system and serial 1462 in the 1900 system. */
const OFFSET_1904 = 1462;
/** Serial 60 is 1900-02-29, a day that never existed (Lotus 1-2-3 bug Excel kept). */
const FAKE_LEAP_DAY = 60;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 28–31 for a month 1–12 of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** `isoDate(2024, 6, 30)` → `2024-06-30`; undefined for a day that is not on the calendar (2023-02-29, 2024-13-01). */
export function isoDate(year: number, month: number, day: number): IsoDate | undefined {
  if (![year, month, day].every(Number.isInteger)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits a valid ISO date into numbers; undefined if the text is not a real `YYYY-MM-DD` date. */
export function isoParts(iso: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isoDate(year, month, day) === undefined ? undefined : { year, month, day };
}

/** The last day of a month, `endOfMonth(2024, 2)` → `2024-02-29`. */
export function endOfMonth(year: number, month: number): IsoDate | undefined {
  return isoDate(year, month, daysInMonth(year, month));
}

/** Sort order of two ISO dates: negative, 0 or positive (plain string order is calendar order). */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isoFromUtcMs(ms: number): IsoDate | undefined {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The UTC calendar date of a JS Date (how exceljs hands back date cells); undefined for an invalid Date. */
/** The calendar day a Date falls on in the computer's own time zone: "today" for a clerk in Beijing is Beijing's. */
export function isoFromLocalDate(date: Date): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isoFromUtcDate(date: Date): IsoDate | undefined {
  return Number.isNaN(date.getTime()) ? undefined : isoFromUtcMs(date.getTime());
}

/**
 * The calendar date of an Excel date serial; the fraction (time of day) is
 * dropped. Undefined for serials that name no real day: below 1 (1904
 * system: below 0), the fake 1900-02-29 (serial 60), past 9999-12-31.
 */
export function isoFromExcelSerial(serial: number, date1904 = false): IsoDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (date1904 && whole < 0) return undefined;
  const days = date1904 ? whole + OFFSET_1904 : whole;
  if (days < 1 || days === FAKE_LEAP_DAY) return undefined;
  // Before the fake leap day every serial is one day "late" relative to the 1899-12-30 epoch.
  const shifted = days < FAKE_LEAP_DAY ? days + 1 : days;
  return isoFromUtcMs(EPOCH_1900_MS + shifted * DAY_MS);
}

/** The Excel date serial of an ISO date (inverse of `isoFromExcelSerial`); undefined if the date is invalid or before the system's first day. */
export function excelSerialFromIso(iso: string, date1904 = false): number | undefined {
  const parts = isoParts(iso);
  if (!parts || parts.year < 1900) return undefined; // also keeps Date.UTC off its 0–99 → 1900s mapping
  let days = Math.round((Date.UTC(parts.year, parts.month - 1, parts.day) - EPOCH_1900_MS) / DAY_MS);
  if (days < FAKE_LEAP_DAY + 1) days -= 1; // 1900-01-01..1900-02-28 are serials 1..59
  if (date1904) days -= OFFSET_1904;
  return days < (date1904 ? 0 : 1) ? undefined : days;
}
