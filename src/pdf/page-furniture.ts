/**
 * Running headers, footers and page numbers: printed on every page, never
 * part of the text. Only lines near the top or bottom edge of a page (the
 * first or last few) are looked at, and one is dropped when it is a page
 * number (`— 3 —`, `- 3 -`, `第 3 页`, `第3页 共5页`, `3 / 5`) or when the same
 * text, numbers aside, stands at the same height on several pages.
 */
import type { VisualLine } from './lines.js';

export interface PageLines {
  lines: VisualLine[];
  /** The page box's bottom and top edges (y), in the lines' coordinates. */
  bottom: number;
  top: number;
}

/** How far from the edge (a share of the page height), and how many lines deep, furniture is looked for. */
const EDGE_SHARE = 0.12;
const EDGE_LINES = 3;
/** A repeated line is furniture when it is on at least this share of the pages (and on two or more). */
const REPEAT_SHARE = 0.4;
/** Repeated lines are at the same height when within this share of the page height. */
const SAME_HEIGHT = 0.02;

const DASHES = '\\-—–－―~～·•';
const PAGE_NUMBER_SHAPES = [
  // `3`, `- 3 -`, `— 3 —`: a bare number up to 999 (not a year standing alone), in dashes or not.
  new RegExp(`^[${DASHES}]*\\d{1,3}[${DASHES}]*$`),
  /^第\d+页([,，、/／]?共\d+页)?$/,
  /^共\d+页[,，、/／]?第\d+页$/,
  /^\d+[/／]\d+$/,
  /^page\d+(of\d+)?$/i,
  /^\d+of\d+$/i,
];

/** The line's text without spaces, full-width digits made ASCII. */
function squashed(text: string): string {
  return text.replace(/\s+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export function isPageNumber(text: string): boolean {
  const s = squashed(text);
  return PAGE_NUMBER_SHAPES.some((shape) => shape.test(s));
}

/** The lines of a page that could be furniture: among the first or last few, and near the edge. */
function edgeLines(page: PageLines): VisualLine[] {
  const height = page.top - page.bottom;
  const near = (line: VisualLine) => line.y > page.top - EDGE_SHARE * height || line.y < page.bottom + EDGE_SHARE * height;
  const { lines } = page;
  const edge = new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]);
  return [...edge].filter(near);
}

/** Same text numbers aside, at the same height from the page's bottom edge. */
function repeatKey(line: VisualLine, page: PageLines): { text: string; height: number } {
  return { text: squashed(line.text).replace(/\d+/g, '#'), height: (line.y - page.bottom) / (page.top - page.bottom) };
}

/** Each page's lines without its running headers, footers and page numbers. */
export function dropPageFurniture(pages: readonly PageLines[]): VisualLine[][] {
  const candidates = pages.map(edgeLines);
  const seen = new Map<string, number[]>();
  pages.forEach((page, index) => {
    for (const line of candidates[index]!) {
      const key = repeatKey(line, page);
      const heights = seen.get(key.text) ?? [];
      heights.push(key.height);
      seen.set(key.text, heights);
    }
  });
  const repeated = (line: VisualLine, page: PageLines): boolean => {
    const key = repeatKey(line, page);
    const same = (seen.get(key.text) ?? []).filter((h) => Math.abs(h - key.height) <= SAME_HEIGHT).length;
    return same >= 2 && same >= REPEAT_SHARE * pages.length;
  };
  return pages.map((page, index) => {
    const furniture = new Set(candidates[index]!.filter((line) => isPageNumber(line.text) || repeated(line, page)));
    return page.lines.filter((line) => !furniture.has(line));
  });
}
