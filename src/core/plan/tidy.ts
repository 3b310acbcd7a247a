/**
 * Display tidying for plan text. Text extracted from PDFs or typed in a hurry
 * has half-width `,;:` in Chinese sentences and stray spaces (`2024 年`,
 * `11 项`, `行为, 深入`). Tidying fixes only those; the untouched text stays
 * in `Task.source`.
 *
 * Decisions:
 * - Spaces go between two Chinese characters, between a Chinese character and
 *   a digit, and on either side of Chinese punctuation (`精神。 严把`).
 * - Spaces around Latin words stay (`网络 ID 等`): Chinese typesetting often
 *   spaces Latin words on purpose, and removing them would glue words such as
 *   `Office 365` to their neighbours. Runs of spaces (and full-width spaces) shrink to one.
 * - Digit–digit spaces stay, and `.` is never touched, so `5.10` and `12.9`
 *   keep their meaning.
 * - Half-width `()` become `（）` when the pair holds or touches Chinese, and `?!`
 *   after Chinese become `？！` (web copies); `(a)` between Latin words stays.
 */

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Chinese (full-width) punctuation, brackets and quotes. */
const CJK_PUNCT = '\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7';
/** After `collapseSpaces` every run is one ASCII space; matching single spaces keeps the rules linear on any input. */
const SPACE = ' ';
const SPACE_RUN = /[ \t\u00a0\u3000]+/g;

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：' };

/** `,;:` touching Chinese on either side (spaces allowed) become `，；：`; `1,000` and `http://` are left alone. */
const HALF_PUNCT_AFTER_CJK = new RegExp(`([${HAN}${CJK_PUNCT}])${SPACE}*([,;:])${SPACE}*`, 'g');
const HALF_PUNCT_BEFORE_CJK = new RegExp(`${SPACE}*([,;:])${SPACE}*(?=[${HAN}${CJK_PUNCT}])`, 'g');

/** Spaces next to Chinese punctuation. */
const SPACE_AT_PUNCT = new RegExp(`${SPACE}+(?=[${CJK_PUNCT}])|(?<=[${CJK_PUNCT}])${SPACE}+`, 'g');
/** Spaces between Chinese characters and digits, in any pairing except digit–digit. */
const SPACE_IN_CJK = new RegExp(
  `(?<=[${HAN}])${SPACE}+(?=[${HAN}0-9０-９])|(?<=[0-9０-９])${SPACE}+(?=[${HAN}])`,
  'g',
);

/** A half-width bracket pair in Chinese text (inside, or touching Chinese on either side): `(试行)`, `全覆盖(寒暑假除外)`. */
const HALF_BRACKETS = /\(([^()]{0,200})\)/g;
const HAN_CHAR = new RegExp(`[${HAN}]`);
const HALF_STOPS = new RegExp(`(?<=[${HAN}])([?!])`, 'g');

function fullWidthBrackets(text: string): string {
  return text.replace(HALF_BRACKETS, (whole, inner: string, at: number) => {
    const touching = HAN_CHAR.test(text[at - 1] ?? '') || HAN_CHAR.test(text[at + whole.length] ?? '');
    return touching || HAN_CHAR.test(inner) ? `（${inner}）` : whole;
  });
}

export function tidyText(text: string): string {
  return fullWidthBrackets(text)
    .replace(HALF_STOPS, (mark: string) => (mark === '?' ? '？' : '！'))
    .replace(SPACE_RUN, ' ')
    .replace(HALF_PUNCT_AFTER_CJK, (_whole, before: string, mark: string) => before + (HALF_TO_FULL[mark] ?? mark))
    .replace(HALF_PUNCT_BEFORE_CJK, (_whole, mark: string) => HALF_TO_FULL[mark] ?? mark)
    .replace(SPACE_AT_PUNCT, '')
    .replace(SPACE_IN_CJK, '')
    .trim();
}
