/**
 * Which number formats are dates (serials ↔ dates are in serial-dates.ts).
 * Chinese Excel and WPS use built-in ids 27–36 and 50–58 for 年月日 formats;
 * other readers treat those as plain numbers, which is why dates from
 * schools' workbooks used to arrive as 45292.
 */

/** Built-in number format ids that are dates or times. */
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Codes of the common built-ins, as the zh-CN Excel shows them, for `CellSnapshot.numFmt`. */
const BUILTIN_CODES: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy/m/d', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'yyyy/m/d h:mm', 27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mm:ss.0',
  48: '##0.0E+0', 49: '@', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
  54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

export function builtinFormatCode(id: number): string | undefined {
  return BUILTIN_CODES[id];
}

/** Removes what cannot be a date token: quoted text, `\x` escapes, `_x` spacers, `*x` fills and `[...]` colours or locales. */
function stripLiterals(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const inside = code.slice(i + 1, end < 0 ? code.length : end).toLowerCase();
      // [h], [mm], [ss] are elapsed-time tokens; [Red], [$-804], [DBNum1] are not.
      if (/^(h+|m+|s+)$/.test(inside)) out += inside;
      i = end < 0 ? code.length : end;
    } else out += ch;
  }
  return out;
}

/**
 * True when a custom format shows a date or time. Once quoted text, escapes
 * and `[...]` are stripped, any y, m, d, h, s (or 年月日时分秒) left is a date or
 * time token in Excel's grammar: bare letters are not allowed otherwise.
 */
export function isDateFormatCode(code: string): boolean {
  // Only the first section (positive numbers) decides, as in Excel.
  const first = stripLiterals(code.split(';')[0] ?? '').toLowerCase().replace(/general/g, '');
  if (/[ymdhs年月日时分秒]/.test(first)) return true;
  // `e` is the era year in Chinese formats unless it is scientific notation (`0.00E+00`).
  return /e/.test(first) && !/e[+-]/.test(first);
}

export function isDateFormat(id: number, customCode: string | undefined): boolean {
  return customCode !== undefined ? isDateFormatCode(customCode) : DATE_IDS.has(id);
}
