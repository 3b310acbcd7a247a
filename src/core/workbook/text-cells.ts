/**
 * Keeping text as text. Writing `range.values` is like typing: Excel turns
 * `=A1` into a formula, `2024-06-30` or `6/30` into a date, `007` into 7.
 *
 * Chosen approach: such a cell gets the number format `@` (text), queued
 * before its value in the same batch, so Excel stores exactly the characters
 * given (the same as typing into a text-formatted cell). Text over 255
 * characters instead gets a leading `'` and keeps its format, because older
 * Excel shows a text-formatted cell longer than 255 characters as `####`; the
 * apostrophe is Excel's prefix character, not part of the value, so reading
 * the cell back still gives the text unchanged. Ordinary text (most cells) is
 * written as is, so columns keep their number formats for later typing.
 */
import { startsLikeFormula } from './formula-text.js';

export const TEXT_FORMAT = '@';
/** Above this length a text-formatted cell shows `####` in Excel 2016 and earlier. */
export const TEXT_FORMAT_MAX_LENGTH = 255;

/** Numbers as Excel parses them: 1,234.5  -3  .5  1e5  50%  (12)  ¥100  $5  1 1/2. */
const NUMBER_LIKE = /^[(]?[-+]?[¥$￥€£]?\s*(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?%?[)]?$/i;
const FRACTION = /^\d+\s+\d+\/\d+$|^\d+\/\d+$/;
/** 2024-06-30, 2024/6/30, 2024.6.30, 6-30, 30-Jun, Jun-30, 2024年6月30日, 6月30日, 2024年6月. */
const DATE_LIKE = [
  /^\d{1,4}\s*[-/.]\s*\d{1,2}(\s*[-/.]\s*\d{1,4})?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/,
  /^\d{1,2}[-/\s]*[a-z]{3,9}([-/\s]*\d{2,4})?$/i,
  /^[a-z]{3,9}[-/\s]*\d{1,4}([-/\s,]*\d{2,4})?$/i,
  /^(\d{2,4}\s*年\s*)?\d{1,2}\s*月(\s*\d{1,2}\s*日)?$/,
  /^\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?$/,
];
const TIME_LIKE = /^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$|^\d{1,2}\s*时(\s*\d{1,2}\s*分)?$/i;
const BOOLEAN_LIKE = /^(true|false)$/i;
const ERROR_LIKE = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/i;

/** True when Excel, given this text as a value, would store something else than the text. */
export function excelWouldCoerce(text: string): boolean {
  if (text === '') return false;
  if (startsLikeFormula(text)) return true;
  const t = text.trim();
  if (t !== text && t === '') return false;
  return (
    NUMBER_LIKE.test(t) ||
    FRACTION.test(t) ||
    DATE_LIKE.some((re) => re.test(t)) ||
    TIME_LIKE.test(t) ||
    BOOLEAN_LIKE.test(t) ||
    ERROR_LIKE.test(t)
  );
}

export interface ProtectedText {
  /** What to put into `range.values`. */
  value: string;
  /** The number format the cell needs, when it must change. */
  numberFormat?: string;
}

/** How to write `text` so the cell ends up holding exactly `text`. */
export function protectText(text: string): ProtectedText {
  // A leading apostrophe is itself eaten as the prefix character: double it, whatever the format.
  if (text.startsWith("'")) return { value: `'${text}` };
  if (!excelWouldCoerce(text)) return { value: text };
  if (text.length > TEXT_FORMAT_MAX_LENGTH) return { value: `'${text}` };
  return { value: text, numberFormat: TEXT_FORMAT };
}
