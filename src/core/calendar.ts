/**
 * Small pure calendar helpers shared by the deadline reader, the validator
 * and the front ends: validated ISO dates (Excel serials are in
 * workbook/serial-dates.ts). Dates are plain `YYYY-MM-DD` strings; arithmetic goes through
 * `Date.UTC` so the local time zone never matters.
 */
import type { IsoDate } from './model.js';


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

/** The calendar day a Date falls on in the computer's own time zone: "today" for a clerk in Beijing is Beijing's. */
export function isoFromLocalDate(date: Date): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The UTC calendar date of a JS Date (how exceljs hands back date cells); undefined for an invalid Date. */
export function isoFromUtcDate(date: Date): IsoDate | undefined {
  return Number.isNaN(date.getTime()) ? undefined : isoFromUtcMs(date.getTime());
}
