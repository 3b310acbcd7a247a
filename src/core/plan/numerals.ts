/**
 * Chinese numerals as used in 工作要点 headings (`十二、`, `（三）`) and dates
 * (`二〇二四年四月七日`), and full-width digits (`１２．`).
 */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `十二` → 12, `二十` → 20, `九十九` → 99, `一百零一` → 101; undefined for anything else. */
export function chineseNumeralValue(text: string): number | undefined {
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(text)) return undefined;
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  for (const ch of text) {
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      if (pending !== undefined && digit !== 0) return undefined; // two digits in a row: `二三`
      pending = digit === 0 ? undefined : digit;
      continue;
    }
    const unit = ch === '百' ? 100 : 10;
    if (unit >= lastUnit) return undefined; // `十十`, `十百`
    total += (pending ?? 1) * unit;
    pending = undefined;
    lastUnit = unit;
  }
  total += pending ?? 0;
  return total > 0 ? total : undefined;
}

/** 12 → `十二`, for messages about expected numbers (1–99 as written in headings). */
export function toChineseNumeral(value: number): string {
  const names = '零一二三四五六七八九';
  if (!Number.isInteger(value) || value <= 0 || value >= 100) return String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${names[tens]}十`;
  return tensPart + (ones === 0 ? '' : names[ones]);
}

/** `１２` → `12`; other characters unchanged. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A year written digit by digit, `二〇二四` → 2024; also plain `2024`. */
export function yearValue(text: string): number | undefined {
  const ascii = toAsciiDigits(text).replace(/[〇零一二三四五六七八九]/g, (ch) => String(DIGITS[ch]));
  return /^\d{4}$/.test(ascii) ? Number(ascii) : undefined;
}

/** A month or day, `4`, `０７`, `十二`, `二十一`. */
export function smallNumberValue(text: string): number | undefined {
  const ascii = toAsciiDigits(text);
  if (/^\d{1,2}$/.test(ascii)) return Number(ascii);
  return chineseNumeralValue(text);
}
