/**
 * Excel date serials ↔ calendar dates: the one place this arithmetic lives,
 * used by the .xlsx reader and writer, the deadline reader and the Office
 * adapter. Serial 0 of the 1900 system is 1899-12-30 (shown by Excel as
 * 1900-01-00, the day of time-only values); in the 1904 system it is 1904-01-01.
 *
 * Serial 60 of the 1900 system is 1900-02-29, a day that never existed
 * (Lotus 1-2-3's bug, which Excel kept). It is decided here, once: it names no
 * date, so a cell holding it stays a number and a 完成时限 holding it is unknown.
 */
import { isoDate } from '../calendar.js';
import type { IsoDate } from '../model.js';

const DAY_MS = 86_400_000;
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
/** 1904-01-01 is serial 0 in the 1904 system and serial 1462 in the 1900 system. */
const OFFSET_1904 = 1462;
const FAKE_LEAP_DAY = 60;
/** 9999-12-31, the last date Excel shows. */
const MAX_SERIAL_1900 = 2_958_465;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A serial as a calendar date and, when it has one, a time of day (rounded to
 * the second, so 0.99999999 is midnight of the next day); undefined for
 * serials outside Excel's range and for the fake leap day.
 */
export function serialToDate(serial: number, date1904: boolean): { iso: IsoDate; time?: string } | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  let day = Math.floor(serial);
  let seconds = Math.round((serial - day) * 86_400);
  if (seconds >= 86_400) {
    day += 1;
    seconds = 0;
  }
  // As a count of days in the 1900 system.
  const days = date1904 ? day + OFFSET_1904 : day;
  if (days > MAX_SERIAL_1900 || days === FAKE_LEAP_DAY) return undefined;
  // Before the fake leap day every serial is one day "late" against the 1899-12-30 epoch.
  const shifted = !date1904 && days < FAKE_LEAP_DAY && days > 0 ? days + 1 : days;
  const d = new Date(EPOCH_1900_MS + shifted * DAY_MS);
  const iso = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (seconds === 0) return { iso };
  return { iso, time: `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}` };
}

/**
 * The calendar day of a serial, for a date that a person typed: undefined
 * below the system's first day (1900-01-01, serial 1; 1904-01-01, serial 0)
 * and wherever `serialToDate` has no date.
 */
export function isoFromExcelSerial(serial: number, date1904 = false): IsoDate | undefined {
  if (!date1904 && serial < 1) return undefined;
  return serialToDate(serial, date1904)?.iso;
}

/** The serial of an ISO date (inverse of `isoFromExcelSerial`); undefined if the date is invalid or before the system's first day. */
export function excelSerialFromIso(iso: string, date1904 = false): number | undefined {
  const serial = isoToSerial(iso, date1904);
  return serial === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(iso) || serial < (date1904 ? 0 : 1) ? undefined : serial;
}

/** `2014-02-15` or `2014-02-15T10:30:00Z` → serial in the given system (fractional with a time); undefined when not a real date. */
export function isoToSerial(text: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?/.exec(text.trim());
  if (!m || isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === undefined) return undefined;
  // Before 1900 the 1900 system has no serials (and Date.UTC maps years 0–99 to the 1900s).
  if (Number(m[1]) < (date1904 ? 1904 : 1899)) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
  let serial = (ms - EPOCH_1900_MS) / DAY_MS;
  if (serial < FAKE_LEAP_DAY + 1) serial -= 1; // 1900-01-01..1900-02-28 are serials 1..59
  if (date1904) serial -= OFFSET_1904;
  return serial < 0 ? undefined : serial;
}

/** `2000-01-01` → `=DATE(2000,1,1)`: how a date rule's bounds are given to Excel and WPS (as formulas, in any date system). */
export function dateRuleFormula(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `=DATE(${y},${m},${d})`;
}
