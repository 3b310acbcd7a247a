/**
 * The 完成时限 (deadline) reader: one cell value — text as typed, an Excel
 * date serial, or a Date from exceljs — becomes a typed `Deadline`. It never
 * throws; what it cannot read is `unknown`, and the caller decides whether
 * that is a problem (message code DEADLINE_UNKNOWN).
 */
import { isoDate, isoFromUtcDate } from '../calendar.js';
import { isoFromExcelSerial } from '../workbook/serial-dates.js';
import { isPlausibleIso, PLAUSIBLE_YEARS, readDeadlineText } from './text.js';
import { detached } from '../detached.js';
import { memoizeText } from '../memo.js';
import type { Deadline } from './schema.js';
import type { IsoDate } from '../model.js';

export type { Deadline } from './schema.js';

export interface DeadlineContext {
  /** The plan year: `6月底前` means June of this year. */
  year: number;
  /** The workbook uses Excel's 1904 date system (serial 0 = 1904-01-01). */
  date1904?: boolean;
}

/** A serial or Date that lands outside the plausible years (5 → 1900-01-05) is shown to the user as it was: `unknownText`. */
function dayDeadline(iso: IsoDate | undefined, unknownText: string): Deadline {
  return iso !== undefined && isPlausibleIso(iso)
    ? { kind: 'date', date: iso, precision: 'day', text: iso }
    : { kind: 'unknown', text: unknownText };
}

/**
 * A number is an Excel date serial. Two other numbers a clerk types are read
 * too, because a cell holding them is a number, not text: a bare year
 * (`2024` → year end) and `20240630`.
 */
function readNumber(value: number, ctx: DeadlineContext): Deadline {
  const text = String(value);
  if (Number.isInteger(value) && value >= PLAUSIBLE_YEARS.min && value <= PLAUSIBLE_YEARS.max) {
    return { kind: 'date', date: `${value}-12-31`, precision: 'year', text };
  }
  if (Number.isInteger(value) && value >= 19_000_000 && value <= 29_999_999) {
    return dayDeadline(isoDate(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100), text);
  }
  return dayDeadline(isoFromExcelSerial(value, ctx.date1904 ?? false), text);
}

export function readDeadline(value: string | number | Date | null | undefined, ctx: DeadlineContext): Deadline {
  if (value === null || value === undefined) return { kind: 'empty' };
  // exceljs builds date cells from their UTC calendar date, already in the workbook's date system.
  if (value instanceof Date) {
    const iso = isoFromUtcDate(value);
    return dayDeadline(iso, iso ?? 'Invalid Date');
  }
  if (typeof value === 'number') return readNumber(value, ctx);
  if (typeof value !== 'string') return { kind: 'unknown', text: String(value) }; // callers outside TypeScript
  const text = value.trim();
  if (!text) return { kind: 'empty' };
  return textReaderFor(ctx.year)(text);
}

/**
 * Deadline texts repeat across a roll-up (`2024年12月底前`, `长期坚持`, `每学期`), and the same cell is read
 * by validation and again by the roll-up: one memoised reader per plan year. Results are frozen, as callers share them.
 */
const textReaders = new Map<number, (text: string) => Deadline>();

function textReaderFor(year: number): (text: string) => Deadline {
  let reader = textReaders.get(year);
  if (!reader) {
    if (textReaders.size >= 16) textReaders.clear();
    reader = memoizeText((text): Deadline => {
      const own = detached(text);
      const found = readDeadlineText(own, year);
      return Object.freeze(found ? { ...found, text: own } : { kind: 'unknown', text: own });
    });
    textReaders.set(year, reader);
  }
  return reader;
}
