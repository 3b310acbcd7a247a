/** 填报说明: 填报单位, 填报人, 联系电话 and 填报日期 are filled in, the phone looks like a phone and the date is a date. */
import { readDeadline } from '../deadline/index.js';
import type { LedgerCell } from '../ledger/ledger-types.js';
import type { Location } from '../model.js';
import { UNIT_FIELDS, unitFieldCell, type UnitFieldKey } from '../template/instructions-sheet.js';
import { INSTRUCTIONS_SHEET_NAME } from '../template/constants.js';
import { shown, type Context } from './context.js';
import type { ValidateCode } from './rule-codes.js';

const MISSING: Record<UnitFieldKey, ValidateCode> = {
  unit: 'VALIDATE_INFO_UNIT_MISSING',
  reporter: 'VALIDATE_INFO_REPORTER_MISSING',
  phone: 'VALIDATE_INFO_PHONE_MISSING',
  date: 'VALIDATE_INFO_DATE_MISSING',
};

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
/** 区号-号码 with an optional extension: `0514-83456789`, `(0514)8345678`, `0514-83456789-123`, `0514 83456789转123`. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:(?:-|转|#|ext\.?)\d{1,6})?$/i;
/** A number in the unit's own city, written without the area code. */
const LOCAL = /^[2-9]\d{7}$/;
/** Several numbers in one cell: `13812345678/0514-83456789`. */
const NUMBER_SEPARATORS = /[/、,，;；]|或/;

/**
 * One number: full-width digits folded, the dashes clerks use (`-－—–`) made
 * `-`, brackets around the area code and spaces dropped.
 */
function isPhone(text: string): boolean {
  const s = text
    .normalize('NFKC')
    .replace(/[－—–‐]/g, '-')
    .replace(/^\((0\d{2,3})\)/, '$1-')
    .replace(/\s+/g, '');
  const digitsOnly = s.replace(/-/g, '');
  return MOBILE.test(digitsOnly) || LANDLINE.test(s.replace(/-+/g, '-')) || LOCAL.test(s);
}

export function isPhoneList(text: string): boolean {
  const parts = text.split(NUMBER_SEPARATORS).map((p) => p.trim());
  return parts.length > 0 && parts.every((p) => p !== '' && isPhone(p));
}

/** A date cell, or text (or a `20240630` number) that the deadline reader reads as one calendar day. */
function isDay(cell: LedgerCell, ctx: Context): boolean {
  if (cell.type === 'date') return cell.iso !== undefined;
  if (cell.type !== 'string' && cell.type !== 'number') return false;
  const value = typeof cell.value === 'number' ? cell.value : cell.text;
  const read = readDeadline(value, { year: ctx.index.plan.year, date1904: ctx.date1904 });
  return read.kind === 'date' && read.precision === 'day';
}

export function checkInfo(ctx: Context): void {
  for (const { key } of UNIT_FIELDS) {
    const cell = ctx.ledger.info[key];
    const place = cell ?? ctx.ledger.infoCells[key] ?? { sheet: INSTRUCTIONS_SHEET_NAME, address: unitFieldCell(key) };
    const where: Location = { sheet: place.sheet, cell: place.address };
    if (!cell) {
      ctx.report(MISSING[key], where, { value: '' });
      continue;
    }
    const value = shown(cell.text);
    if (key === 'phone' && !isPhoneList(cell.text)) ctx.report('VALIDATE_INFO_PHONE_INVALID', where, { value });
    if (key === 'date' && !isDay(cell, ctx)) ctx.report('VALIDATE_INFO_DATE_INVALID', where, { value });
  }
}
