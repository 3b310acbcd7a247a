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

/** Texts remembered per column width and font size; past this many the memory starts over (a bound, not a tuning). */
const MEMO_LIMIT = 20_000;

interface Measure {
  usableEm: number;
  lines: Map<string, number>;
}

/** Per font size, per column width: a summary measures the same task titles and states for every school. */
const measures = new Map<number, Map<number, Measure>>();

function measureFor(widthChars: number, fontSize: number): Measure {
  let bySize = measures.get(fontSize);
  if (!bySize) measures.set(fontSize, (bySize = new Map()));
  let measure = bySize.get(widthChars);
  if (!measure) {
    const pxPerEm = (fontSize * 96) / 72;
    const usableEm = Math.max(1, ((widthChars * PX_PER_CHAR_UNIT + COLUMN_PADDING_PX - CELL_INSET_PX) * FILL_RATIO) / pxPerEm);
    bySize.set(widthChars, (measure = { usableEm, lines: new Map() }));
  }
  return measure;
}

/**
 * Greedy wrapping, character by character. Width of a character in em: CJK
 * and full-width forms are square, Latin and digits about half, a space 0.3.
 * A surrogate pair is one (square) character.
 */
function countLines(text: string, usableEm: number): number {
  let lines = 0;
  let line = 0;
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      lines += count;
      line = 0;
      count = 1;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    const w = code < 0x80 ? (code === 0x20 ? 0.3 : 0.55) : code >= 0xff61 && code <= 0xffdc ? 0.55 : 1;
    if (line + w > usableEm && line > 0) {
      count += 1;
      line = 0;
    }
    line += w;
  }
  return lines + count;
}

/** Lines the text takes in a column `widthChars` wide at `fontSize` points. */
export function wrappedLineCount(text: string, widthChars: number, fontSize: number): number {
  return linesIn(measureFor(widthChars, fontSize), text);
}

function linesIn(measure: Measure, text: string): number {
  // No character is wider than 1 em: a text no longer than the line, without breaks, is one line.
  if (text.length <= measure.usableEm && !text.includes('\n')) return 1;
  let lines = measure.lines.get(text);
  if (lines === undefined) {
    lines = countLines(text, measure.usableEm);
    if (measure.lines.size >= MEMO_LIMIT) measure.lines.clear();
    measure.lines.set(text, lines);
  }
  return lines;
}

/** wrappedLineCount for one column width and font size, looked up once: a table measures every cell of a column alike. */
export interface LineCounter {
  fontSize: number;
  lines(text: string): number;
}

export function lineCounter(widthChars: number, fontSize: number): LineCounter {
  const measure = measureFor(widthChars, fontSize);
  return { fontSize, lines: (text) => linesIn(measure, text) };
}

export interface MeasuredCell {
  text: string;
  widthChars: number;
  fontSize: number;
}

/** Height in points of a row, measured cell by cell (no list of cells needed): the tallest wrapped cell, at least the minimum, at most Excel's 409. */
export class RowHeight {
  private tallest: number;

  constructor(minHeight = 20) {
    this.tallest = minHeight;
  }

  add(text: string, widthChars: number, fontSize: number): void {
    if (text) this.addLines(wrappedLineCount(text, widthChars, fontSize), fontSize);
  }

  /** A cell already measured: `lines` wrapped lines at `fontSize`. */
  addLines(lines: number, fontSize: number): void {
    this.tallest = Math.max(this.tallest, lines * fontSize * LINE_HEIGHT_EM + ROW_PADDING_PT);
  }

  get points(): number {
    return Math.min(MAX_ROW_HEIGHT_PT, Math.ceil(this.tallest));
  }
}

/** Height in points for a row holding these cells: the tallest wrapped cell, at least `minHeight`, at most Excel's 409. */
export function estimateRowHeight(cells: readonly MeasuredCell[], minHeight = 20): number {
  const height = new RowHeight(minHeight);
  for (const cell of cells) height.add(cell.text, cell.widthChars, cell.fontSize);
  return height.points;
}
