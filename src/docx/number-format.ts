/**
 * A list number as Word displays it in a given `w:numFmt` (ECMA-376 §17.18.59):
 * the Chinese counting forms a 工作要点 uses (一 … 十一 … 二十, 壹贰叁, 甲乙丙,
 * ①②③, ⑴⑵⑶, １２３) and the Western ones. Past what a form can show (⑳, 癸)
 * Word falls back to decimal, and so does this.
 */

const DIGITS = '〇一二三四五六七八九';
const LEGAL_SIMPLIFIED = '零壹贰叁肆伍陆柒捌玖';
const LEGAL_TRADITIONAL = '零壹貳參肆伍陸柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 1 一, 10 十, 11 十一, 20 二十, 105 一百〇五, 110 一百一十 (Word writes 〇 for the zero); `units` are 十 百 千 or 拾 佰 仟. */
function chineseCounting(n: number, digits: string, units: [string, string, string]): string {
  if (n <= 0 || n >= 10000) return String(n);
  const [ten, hundred, thousand] = units;
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const names: string[] = [thousand, hundred, ten, ''];
  let out = '';
  let zero = false;
  parts.forEach((digit, i) => {
    if (digit === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一, not 一十一, when ten is the leading unit.
    out += (i === 2 && out === '' && digit === 1 && digits === DIGITS ? '' : digits[digit]!) + names[i]!;
  });
  return out;
}

function letters(n: number, upper: boolean): string {
  if (n <= 0) return String(n);
  // Word repeats the letter past z: 27 aa, 28 bb.
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, glyphs] of table) {
    while (rest >= value) {
      out += glyphs;
      rest -= value;
    }
  }
  return upper ? out.toUpperCase() : out;
}

function inRange(n: number, first: number, count: number, base: number): string {
  return n >= 1 && n <= count ? String.fromCharCode(base + n - first) : String(n);
}

/** 甲 … 癸 for 1–10, 子 … 亥 for 1–12; past them Word shows decimal. */
function glyph(n: number, glyphs: string): string {
  return n >= 1 && n <= glyphs.length ? glyphs[n - 1]! : String(n);
}

const digitByDigit = (n: number): string => String(n).replace(/\d/g, (d) => DIGITS[Number(d)]!);

const FORMATS: Record<string, (n: number) => string> = {
  decimal: String,
  decimalZero: (n) => (n >= 0 && n < 10 ? `0${n}` : String(n)),
  decimalHalfWidth: String,
  decimalFullWidth: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalFullWidth2: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  // ①–⑳; Word shows 21 on as decimal (though Unicode has ㉑).
  decimalEnclosedCircle: (n) => inRange(n, 1, 20, 0x2460),
  decimalEnclosedCircleChinese: (n) => inRange(n, 1, 20, 0x2460),
  decimalEnclosedParen: (n) => inRange(n, 1, 20, 0x2474),
  decimalEnclosedFullstop: (n) => inRange(n, 1, 20, 0x2488),
  upperLetter: (n) => letters(n, true),
  lowerLetter: (n) => letters(n, false),
  upperRoman: (n) => roman(n, true),
  lowerRoman: (n) => roman(n, false),
  // Word counts to 九十九 and goes digit by digit from 100 (一〇一); the Thousand forms count on (一百〇一).
  chineseCounting: (n) => (n < 100 ? chineseCounting(n, DIGITS, ['十', '百', '千']) : digitByDigit(n)),
  chineseCountingThousand: (n) => chineseCounting(n, DIGITS, ['十', '百', '千']),
  japaneseCounting: (n) => chineseCounting(n, DIGITS, ['十', '百', '千']),
  taiwaneseCounting: (n) => (n < 100 ? chineseCounting(n, DIGITS, ['十', '百', '千']) : digitByDigit(n)),
  taiwaneseCountingThousand: (n) => chineseCounting(n, DIGITS, ['十', '百', '千']),
  chineseLegalSimplified: (n) => chineseCounting(n, LEGAL_SIMPLIFIED, ['拾', '佰', '仟']),
  ideographLegalTraditional: (n) => chineseCounting(n, LEGAL_TRADITIONAL, ['拾', '佰', '仟']),
  ideographDigital: digitByDigit,
  taiwaneseDigital: digitByDigit,
  japaneseDigitalTenThousand: digitByDigit,
  ideographTraditional: (n) => glyph(n, STEMS),
  ideographZodiac: (n) => glyph(n, BRANCHES),
  none: () => '',
};

/** The number `n` in format `numFmt`; unknown formats show as decimal. */
export function formatListNumber(n: number, numFmt: string): string {
  return (FORMATS[numFmt] ?? String)(n);
}
