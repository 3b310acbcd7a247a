/**
 * The measures of GB/T 9704-2012 (党政机关公文格式) as docx units: twips
 * (1/1440 inch) for lengths, half-points for font sizes. A docx run names one
 * font per script; the first of each fallback list is set and Word or WPS
 * substitutes when it is missing (LibreOffice through fontconfig: see
 * assets/fontconfig/fonts.conf).
 */

export const mm = (millimetres: number): number => Math.round((millimetres / 25.4) * 1440);
export const pt = (points: number): number => points * 20;

/** A4 portrait, in twips; a landscape section names the same size with landscape orientation (the docx package swaps it). */
export const A4 = { width: 11906, height: 16838 } as const;

/** 天头 37 mm, 订口 (left, binding) 28 mm; with the 版心 156 × 225 mm that leaves 35 mm below and 26 mm right. */
export const PORTRAIT_MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
/** The 附件 tables turned a quarter: the binding edge is then at the top. */
export const LANDSCAPE_MARGIN = { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35) } as const;
/** The page number's line sits 7 mm under the 版心: the footer is placed about that far below it. */
export const FOOTER_DISTANCE = mm(22);

/** Font names, first choice first; only the first is written. */
export const FONT_FALLBACKS = {
  title: ['方正小标宋简体', '华文中宋', '宋体'],
  body: ['仿宋_GB2312', '仿宋'],
  heading1: ['黑体'],
  heading2: ['楷体_GB2312', '楷体'],
  pageNumber: ['宋体'],
} as const;
export type FontRole = keyof typeof FONT_FALLBACKS;

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt (table cells). */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 24 } as const;

/** 行距: fixed 28 pt gives the standard's 22 lines of 3号 text in the 225 mm 版心; the title's 2号 lines get 35 pt. */
export const LINE = { body: pt(28), title: pt(35) } as const;

/** One 3号 character is 16 pt wide: indents counted in characters. */
export const CHAR = pt(16);

/** The docx font attributes naming `role`'s first font for every script, East Asian included. */
export function fontFor(role: FontRole): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  const name = FONT_FALLBACKS[role][0];
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

/** Character style of the places a person must write (【请填写：…】): highlighted, so none is missed before sending. */
export const FILL_STYLE = { id: 'BriefingFill', name: '待填写', highlight: 'yellow' } as const;
