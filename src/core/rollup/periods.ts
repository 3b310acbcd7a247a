/**
 * The current period of a recurring duty (每周, 每月, 每季度, 每学期, 每年) on a
 * given day: a recurring duty is judged by the period the as-of date falls in,
 * due at that period's last day. School terms: 2月–7月 (spring, due 7-31) and
 * 8月–次年1月 (autumn, due 1-31).
 */
import { endOfMonth, isoDate, isoParts } from '../calendar.js';
import type { IsoDate } from '../model.js';

export type Period = 'week' | 'month' | 'quarter' | 'semester' | 'year';

export interface PeriodSpan {
  start: IsoDate;
  end: IsoDate;
}

const DAY_MS = 86_400_000;

export function dayNumber(iso: IsoDate): number {
  const p = isoParts(iso)!;
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

function isoOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function currentPeriod(period: Period, asOf: IsoDate): PeriodSpan {
  const { year, month } = isoParts(asOf)!;
  switch (period) {
    case 'week': {
      // Monday to Sunday.
      const day = dayNumber(asOf);
      const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
      return { start: isoOfDay(day - weekday), end: isoOfDay(day - weekday + 6) };
    }
    case 'month':
      return { start: isoDate(year, month, 1)!, end: endOfMonth(year, month)! };
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { start: isoDate(year, first, 1)!, end: endOfMonth(year, first + 2)! };
    }
    case 'semester':
      if (month >= 2 && month <= 7) return { start: isoDate(year, 2, 1)!, end: isoDate(year, 7, 31)! };
      return month === 1 ? { start: isoDate(year - 1, 8, 1)!, end: isoDate(year, 1, 31)! } : { start: isoDate(year, 8, 1)!, end: isoDate(year + 1, 1, 31)! };
    case 'year':
      return { start: isoDate(year, 1, 1)!, end: isoDate(year, 12, 31)! };
  }
}
