/**
 * Text copied from web pages, or from PDFs that lost their line breaks, runs
 * headings and tasks into one line: `……落实。二、夯实组织体系1.增强党建工作基础。……2.发挥……`.
 * Such a line is split before each marker that, taken together, must be one:
 * - it follows a sentence end (`。；！？`), a note's closing bracket, the short
 *   heading it sits after (`一、加强政治建设 1. 坚持……`), or, for a first item
 *   (`1.` `（一）` `（1）`), a colon;
 * - its number continues the count of its kind (`2.` after `1.`; `1.` again
 *   after a higher heading), so `。3、4年级` or a stray `。5.` inside a task stay text;
 * - it is not inside brackets or quotes, and not a decimal, a date or `第1.2节`
 *   (the marker patterns and the context rule exclude those).
 * Each piece keeps the line number of the line it came from.
 */
import type { SourceLine } from './header.js';
import { LEVEL_OF, type MarkerKind, rawMarkerOf } from './markers.js';
import { isNoteContent } from './notes.js';

/**
 * A flag per character code, since this runs for every character (and `text[i]` would make a new
 * string for each Chinese one): where a marker may begin (a Chinese numeral, a digit, an opening
 * bracket), and the brackets and quotes that open and close.
 */
const START = 1;
const OPEN = 2;
const CLOSE = 4;
const FLAGS = new Uint8Array(0x10000);
const flag = (chars: string, bit: number) => {
  for (const c of chars) FLAGS[c.charCodeAt(0)]! |= bit;
};
flag('一二三四五六七八九十0123456789０１２３４５６７８９（(', START);
flag('（(“‘《「『【〔', OPEN);
flag('）)”’》」』】〕', CLOSE);
const SENTENCE_END = /[。；;！!？?]/;
const DIGIT_OR_NUMERAL = new Set('一二三四五六七八九十0123456789０１２３４５６７８９');
const AFTER_NUMBER = new Set('、.．）)');
/** Characters after which a number is part of the text: `第1.`, `2025年1.`, `约3、`. */
const NUMBER_CONTEXT = /[第年月日号约近超共计达前后至和与或及0-9０-９.．A-Za-z]/;
const MAX_HEAD = 40;
/** What may stand before a marker in a run-on line: a sentence end, a bracket closing a note, a colon. */
const MAY_PRECEDE = /[。；;！!？?）)：:]/;

class Counts {
  private readonly last: Record<MarkerKind, number> = { pillar: 0, group: 0, dot: 0, paren: 0 };
  /** May this kind start again at 1? After a higher heading, or before it was ever used. */
  private readonly restart: Record<MarkerKind, boolean> = { pillar: true, group: true, dot: true, paren: true };

  fits(kind: MarkerKind, no: number): boolean {
    return no === this.last[kind] + 1 || (no === 1 && this.restart[kind]);
  }

  see(kind: MarkerKind, no: number): void {
    this.last[kind] = no;
    this.restart[kind] = false;
    for (const other of Object.keys(this.last) as MarkerKind[]) if (LEVEL_OF[other] > LEVEL_OF[kind]) this.restart[other] = true;
  }
}

/** The bracket that closes at `close` holds a note (`（责任单位：办公室）`); looks back 200 characters at most. */
function closesNote(text: string, close: number): boolean {
  const window = text.slice(Math.max(0, close - 200), close);
  const open = Math.max(window.lastIndexOf('（'), window.lastIndexOf('('));
  return open >= 0 && isNoteContent(window.slice(open + 1).trim());
}

/**
 * Whether a marker may begin at `at`, given the piece that started at `start`.
 * Only a few characters are looked at (never the whole line), so a long line costs linear time.
 */
function contextAllows(text: string, start: number, at: number, no: number, pieceHeading: boolean): boolean {
  let p = at - 1;
  while (p > start && /\s/.test(text[p]!)) p--;
  const prev = text[p] ?? '';
  if (SENTENCE_END.test(prev)) return true;
  if (prev === '）' || prev === ')') return closesNote(text, p);
  if (prev === '：' || prev === ':') return no === 1;
  // `一、加强政治建设 1. 坚持……`: the next item straight after a short heading.
  if (!pieceHeading || NUMBER_CONTEXT.test(prev) || at - start > MAX_HEAD + 6) return false;
  const head = rawMarkerOf(text.slice(start, at))?.rest ?? '';
  return head.length > 0 && !/[。；;！？]/.test(head);
}

/** Shaped like a marker: a bracket before a number, or a number followed by `、` `.` `）`. */
function markerShaped(text: string, at: number): boolean {
  const ch = text[at]!;
  if (ch === '（' || ch === '(') return DIGIT_OR_NUMERAL.has(text[at + 1] ?? '');
  let j = at;
  while (j < at + 4 && DIGIT_OR_NUMERAL.has(text[j] ?? '')) j++;
  return AFTER_NUMBER.has(text[j] ?? '');
}

/** A cheap first look, before the marker is read: the character before could end something, or a short heading precedes. */
function mayFollow(text: string, start: number, at: number, pieceLevel: number): boolean {
  let p = at - 1;
  while (p > start && (text[p] === ' ' || text[p] === '\u3000' || text[p] === '\t')) p--;
  return MAY_PRECEDE.test(text[p] ?? '') || (pieceLevel < 9 && at - start <= MAX_HEAD + 6);
}

function splitLine(text: string, counts: Counts): string[] {
  const pieces: string[] = [];
  let start = 0;
  let depth = 0;
  const own = rawMarkerOf(text);
  if (own) counts.see(own.kind, own.no);
  let pieceLevel = own ? LEVEL_OF[own.kind] : 9;
  for (let i = 1; i < text.length; i++) {
    const flags = FLAGS[text.charCodeAt(i)]!;
    if (depth === 0 && flags & START && markerShaped(text, i) && mayFollow(text, start, i, pieceLevel)) {
      const marker = rawMarkerOf(text.slice(i, i + 12));
      const level = marker ? LEVEL_OF[marker.kind] : 0;
      if (
        marker &&
        marker.rest.length > 0 &&
        !(marker.kind === 'dot' && /^[0-9０-９]/.test(marker.rest)) && // `1、2号楼`: a list of numbers
        counts.fits(marker.kind, marker.no) &&
        contextAllows(text, start, i, marker.no, pieceLevel < level)
      ) {
        pieces.push(text.slice(start, i).trim());
        start = i;
        counts.see(marker.kind, marker.no);
        pieceLevel = level;
      }
    }
    if (flags & OPEN) depth++;
    else if (flags & CLOSE && depth > 0) depth--;
  }
  pieces.push(text.slice(start).trim());
  return pieces.filter((p) => p.length > 0);
}

/** The lines with every run-on heading or task split onto a line of its own; `split` counts the cuts. */
export function splitRunOnLines(lines: readonly SourceLine[]): { lines: SourceLine[]; split: number } {
  const counts = new Counts();
  const out: SourceLine[] = [];
  let split = 0;
  for (const source of lines) {
    const pieces = splitLine(source.text, counts);
    split += pieces.length - 1;
    for (const text of pieces) out.push({ text, line: source.line });
  }
  return { lines: out, split };
}
