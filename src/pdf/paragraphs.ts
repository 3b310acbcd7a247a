/**
 * Paragraphs from visual lines: a PDF wraps every paragraph at the right
 * margin, and the plan parser reads one paragraph per line (before the first
 * pillar it does no healing at all). A line runs on into the next when it
 * reaches the right margin — the next line's first word would not have fitted
 * on it — and the next line is not indented, not a heading, not in another
 * font size and not further below than the usual line spacing. Across a page
 * break the same holds, except the spacing. A wrapped line may begin with
 * what looks like a heading (`第` / `一、预防为主`): where headings are indented
 * like every first line, one at the margin is taken for the rest of a line.
 */
import { isCjk, type VisualLine } from './lines.js';

interface Metrics {
  left: number;
  /** Where heading and item lines (`一、`, `1.`) usually start: at the margin, or indented like every first line. */
  markerLeft: number;
  right: number;
  /** The usual distance from one baseline to the next inside a paragraph. */
  pitch: number;
}

/** `一、` `（一）` `1.` `1、` `（1）` `第一章` at the start: a heading or an item, a paragraph of its own. */
const HEADING = /^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十百\d０-９]+[)）]|[\d０-９]+[.．、](?![\d０-９])|第[一二三四五六七八九十百]+[章节部分条])/;
/** Closing punctuation that line breaking keeps with the character before it. */
const CLOSING = /[，。、；：？！）》」』”’〕】,.;:?!)]/;

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount || (n === bestCount && best !== undefined && v < best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

function measure(pages: readonly VisualLine[][]): Metrics {
  const all = pages.flat();
  const pitches: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      const gap = a.y - b.y;
      if (gap > 0 && gap < 3 * a.size && Math.abs(a.size - b.size) < 0.15 * a.size) pitches.push(Math.round(gap * 2) / 2);
    }
  }
  const size = mostCommon(all.map((l) => Math.round(l.size))) ?? 12;
  const widest = all.reduce((max, l) => Math.max(max, l.right), -Infinity);
  // The margin is where most long lines end: the widest line may overhang it (a hanging 。 or ，).
  const long = all.filter((l) => widest - l.right < 3 * l.size);
  const margin = mostCommon(long.map((l) => Math.round(l.right))) ?? widest;
  // A margin is only a margin when several lines end at it; a text whose lines never wrap has none.
  const atMargin = long.filter((l) => Math.abs(margin - l.right) < 1.5 * l.size).length;
  const left = mostCommon(all.map((l) => Math.round(l.left))) ?? 0;
  return {
    left,
    markerLeft: mostCommon(all.filter((l) => HEADING.test(l.text)).map((l) => Math.round(l.left))) ?? left,
    right: atMargin >= Math.min(3, Math.max(2, all.length / 5)) ? margin : Infinity,
    pitch: mostCommon(pitches) ?? 1.5 * size,
  };
}

/** About how wide the next line's first unbreakable piece is: one Chinese character (with its closing marks), or a Latin word. */
function leadWidth(line: VisualLine): number {
  const text = line.text;
  const perChar = Math.min(line.size, (line.right - line.left) / Math.max(1, text.length));
  if (isCjk(text[0])) {
    let n = 1;
    while (n < text.length && CLOSING.test(text[n]!)) n++;
    return n * line.size;
  }
  const word = /^[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/.exec(text)?.[0].length ?? 1;
  return word * perChar;
}

function runsOn(a: VisualLine, b: VisualLine, m: Metrics, samePage: boolean): boolean {
  const em = a.size;
  // A line that starts like a heading is one, unless headings here are indented and it is not:
  // then it is the rest of a wrapped line (`…坚持安全第` / `一、预防为主`).
  if (HEADING.test(b.text) && Math.abs(b.left - m.markerLeft) < 0.8 * em) return false;
  if (Math.abs(a.size - b.size) > 0.15 * em) return false;
  if (samePage && a.y - b.y > m.pitch * 1.35 + 0.5) return false;
  if (b.left > m.left + 0.8 * em) return false;
  return m.right - a.right < leadWidth(b) + 0.8 * em;
}

/** Joins two wrapped pieces: a space only where a Latin word or number was broken at a space. */
function join(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** One string per paragraph, in reading order. */
export function paragraphsOf(pages: readonly VisualLine[][]): string[] {
  const m = measure(pages);
  const out: string[] = [];
  let previous: VisualLine | undefined;
  let previousPage = -1;
  pages.forEach((lines, page) => {
    for (const line of lines) {
      if (previous && runsOn(previous, line, m, page === previousPage)) out[out.length - 1] = join(out[out.length - 1]!, line.text);
      else out.push(line.text);
      previous = line;
      previousPage = page;
    }
  });
  return out;
}
