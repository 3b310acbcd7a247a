/**
 * Visual lines of one PDF page rebuilt from where its glyph runs are drawn.
 * A PDF has no lines, only runs of glyphs placed at coordinates, in whatever
 * order the program that wrote it chose: runs whose baselines lie within half
 * a character of each other form a line, read left to right. Spaces come from
 * the gaps between runs, not from pdfjs's guesses: between Chinese characters
 * a gap is justification or letter-spacing (no space), between Latin words a
 * gap is a space, and between Chinese and Latin only a wide gap is (Writer and
 * Word add a narrow one on their own).
 *
 * pdfjs itself puts a space into a run's text wherever a gap inside it is
 * wider than a tenth of an em, which is also where Writer, Word and WPS leave
 * their automatic gap between Chinese and digits (`2025 年 3 月`). A space
 * between a Chinese character and a digit is dropped for that reason: Chinese
 * text does not space its numbers, and the parser's tidying drops it anyway
 * except in the raw 完成时限 it prefills.
 */

/** A run of glyphs as drawn, in PDF user space (points, y upwards). */
export interface TextRun {
  text: string;
  /** Where the baseline starts. */
  x: number;
  y: number;
  width: number;
  /** The font size (the height of an em). */
  size: number;
}

export interface VisualLine {
  text: string;
  left: number;
  right: number;
  /** The baseline. */
  y: number;
  /** The font size of most of the line. */
  size: number;
}

/** Chinese characters, Chinese punctuation, full-width forms and the quotes Chinese text uses. */
const CJK = /[\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** A space between a Chinese character and an ASCII digit, either way round. */
const CJK_DIGIT_SPACE = /(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]) (?=[0-9])|(?<=[0-9]) (?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g;

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/** Gaps wider than these (in ems) are spaces: Chinese–Chinese, Chinese–Latin, Latin–Latin. */
const SPACE_GAP_CJK = 1.0;
const SPACE_GAP_MIXED = 0.3;
const SPACE_GAP_LATIN = 0.15;

function needsSpace(before: TextRun, after: TextRun): boolean {
  const gap = after.x - (before.x + before.width);
  const em = Math.min(before.size, after.size);
  const last = isCjk(before.text.slice(-1));
  const first = isCjk(after.text[0]);
  const limit = last && first ? SPACE_GAP_CJK : last || first ? SPACE_GAP_MIXED : SPACE_GAP_LATIN;
  return gap > limit * em;
}

/** Programs fake bold by drawing the same text twice, a hair apart: the second copy is dropped. */
function isOverprint(run: TextRun, kept: readonly TextRun[]): boolean {
  for (let i = kept.length - 1; i >= 0 && i >= kept.length - 3; i--) {
    const other = kept[i]!;
    if (other.text === run.text && Math.abs(other.x - run.x) < 0.2 * run.size && Math.abs(other.y - run.y) < 0.2 * run.size) return true;
  }
  return false;
}

function lineOf(runs: TextRun[]): VisualLine {
  runs.sort((a, b) => a.x - b.x);
  const kept: TextRun[] = [];
  for (const run of runs) if (!isOverprint(run, kept)) kept.push(run);
  let text = '';
  let right = -Infinity;
  let main = kept[0]!;
  for (const [i, run] of kept.entries()) {
    if (i > 0 && needsSpace(kept[i - 1]!, run)) text += ' ';
    text += run.text;
    right = Math.max(right, run.x + run.width);
    if (run.text.length > main.text.length) main = run;
  }
  const spaced = text.replace(/[ \t\u00a0]+/g, ' ').replace(CJK_DIGIT_SPACE, '').trim();
  return { text: spaced, left: kept[0]!.x, right, y: main.y, size: main.size };
}

/** The page's lines from top to bottom. Blank runs are dropped: spacing is read from the gaps. */
export function rebuildLines(runs: readonly TextRun[]): VisualLine[] {
  const drawn = runs.filter((r) => r.size > 0 && r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: VisualLine[] = [];
  let current: TextRun[] = [];
  let baseline = 0;
  let size = 0;
  for (const run of drawn) {
    if (current.length > 0 && baseline - run.y <= 0.5 * Math.min(size, run.size)) {
      current.push(run);
      continue;
    }
    if (current.length > 0) lines.push(lineOf(current));
    current = [run];
    baseline = run.y;
    size = run.size;
  }
  if (current.length > 0) lines.push(lineOf(current));
  return lines.filter((line) => line.text !== '');
}
