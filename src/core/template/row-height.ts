/**
 * Explicit row heights from text length and column width. Excel grows rows
 * for wrapped text when it opens a file, but LibreOffice (and so the PDF
 * export) keeps the stored height and lets wrapped lines overlap the next
 * row, so every task row carries a computed height.
 */

/** Pixels per Excel character unit (the width of "0" in the default 11-pt Calibri). */
const PX_PER_CHAR_UNIT = 7;
/** Excel adds 5 px of padding to every column; the cell keeps about 3 px each side free. */
const COLUMN_PADDING_PX = 5;
const CELL_INSET_PX = 6;
/** Excel adds about 1.3 em per wrapped line for 仿宋/宋体 (LibreOffice with Noto CJK needs a little less). */
const LINE_HEIGHT_EM = 1.3;
const ROW_PADDING_PT = 6;
/** Line-breaking rules (no 。 at the start of a line) waste a little of each line. */
const FILL_RATIO = 0.97;
export const MAX_ROW_HEIGHT_PT = 409;

/** Width of one character in em: CJK and full-width forms are square, Latin and digits about half. */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return ch === ' ' ? 0.3 : 0.55;
  if (code >= 0xff61 && code <= 0xffdc) return 0.55; // half-width forms
  return 1;
}

/** Lines the text takes in a column `widthChars` wide at `fontSize` points (greedy, character by character). */
export function wrappedLineCount(text: string, widthChars: number, fontSize: number): number {
  const pxPerEm = (fontSize * 96) / 72;
  const usableEm = Math.max(1, ((widthChars * PX_PER_CHAR_UNIT + COLUMN_PADDING_PX - CELL_INSET_PX) * FILL_RATIO) / pxPerEm);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const ch of paragraph) {
      const w = charEm(ch);
      if (line + w > usableEm && line > 0) {
        count += 1;
        line = 0;
      }
      line += w;
    }
    lines += count;
  }
  return lines;
}

export interface MeasuredCell {
  text: string;
  widthChars: number;
  fontSize: number;
}

/** Height in points for a row holding these cells: the tallest wrapped cell, at least `minHeight`, at most Excel's 409. */
export function estimateRowHeight(cells: readonly MeasuredCell[], minHeight = 20): number {
  let tallest = minHeight;
  for (const cell of cells) {
    if (!cell.text) continue;
    const lines = wrappedLineCount(cell.text, cell.widthChars, cell.fontSize);
    tallest = Math.max(tallest, lines * cell.fontSize * LINE_HEIGHT_EM + ROW_PADDING_PT);
  }
  return Math.min(MAX_ROW_HEIGHT_PT, Math.ceil(tallest));
}
