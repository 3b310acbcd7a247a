/**
 * CSV fields (RFC 4180) for the lists a bureau opens in Excel. A field that
 * starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`, so a
 * school's `=HYPERLINK(…)` stays text when the CSV is opened (CSV injection).
 */
import { startsLikeFormula } from '../workbook/formula-text.js';

export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = startsLikeFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvLine(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
