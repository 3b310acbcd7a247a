/**
 * Title and text of a paragraph. A heading is often followed by unnumbered
 * prose, on the same line (`一、指导思想：坚持……。`, `（一）党建工作。切实加强……`)
 * or as the next paragraph (`一、指导思想` then 坚持……): the heading keeps its
 * short title and the prose becomes its description (a task's: its body).
 *
 * Page-break healing must still join a heading broken at a page end. A first
 * line that is short (at most SHORT_HEAD Chinese characters) and does not end
 * in a joining mark (`、，：“《（`) is a whole line: a PDF line only breaks
 * early where its paragraph ends, so what follows is a new paragraph. A longer
 * first line without a 。, or a next line starting with closing punctuation,
 * runs on.
 */
import type { TaskNotes } from '../model.js';
import { mergeNotes, splitTaskNotes } from './note-lines.js';
import { tidyText } from './tidy.js';

const SHORT_HEAD = 20;
const JOINER_END = /[、，,：:；;“‘《（(—-]$/;
const CLOSER_START = /^[，,、。．）)”’》：:；;！？]/;
const HAN = /[\u3400-\u9fff]/g;

function hanLength(text: string): number {
  return (text.match(HAN) ?? []).length;
}

/** Reads as prose rather than as the rest of a title: a sentence, or long. */
function isProse(text: string): boolean {
  return /[。！？]/.test(text) || hanLength(text) > 30;
}

export interface HeadSplit {
  /** The heading line, with any page-broken continuation of it. */
  head: string;
  /** The following lines that are a paragraph of their own. */
  rest: string;
}

export function splitHead(first: string, more: readonly string[]): HeadSplit {
  let head = first.trim();
  let i = 0;
  for (; i < more.length && !/[。！？]/.test(head); i++) {
    const next = more[i]!.trim();
    const runsOn = JOINER_END.test(head) || CLOSER_START.test(next) || hanLength(head) > SHORT_HEAD || head === '';
    if (!runsOn) break;
    head += next;
  }
  return { head, rest: more.slice(i).join('') };
}

/**
 * `党建工作：切实加强……。` or `指导思想　坚持……。` → a short title and prose after it.
 * Read on the raw text: tidying removes the space between two Chinese characters.
 * A space counts only between Chinese characters, so `开展 11 项` stays one title.
 */
const TITLE_COLON = /^([^。：:！？]{1,20}?)\s*[：:]\s*(.+)$/s;
const TITLE_SPACE = /^([^。：:，,、！？\s]{1,19}[\u3400-\u9fff])[ \t\u3000]+(?=[\u3400-\u9fff“《])(.+)$/s;

/** No bracket or quote left open: the colon of `（责任单位：…）` never ends a title. */
function balanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/[（(]/g) === count(/[）)]/g) && count(/[“《]/g) === count(/[”》]/g);
}

function titleBeforeBreak(text: string): { title: string; after: string } | undefined {
  const m = TITLE_COLON.exec(text) ?? TITLE_SPACE.exec(text);
  if (!m || hanLength(m[1] ?? '') < 2 || !isProse(m[2] ?? '') || !balanced(m[1] ?? '')) return undefined;
  return { title: m[1] ?? '', after: m[2] ?? '' };
}

function firstSentence(text: string): { head: string; rest: string } {
  const stop = text.indexOf('。');
  return stop < 0 ? { head: text, rest: '' } : { head: text.slice(0, stop), rest: text.slice(stop + 1) };
}

export interface ReadParagraph {
  title: string;
  /** Tidied text after the title: a heading's description, a task's body. */
  text: string;
  notes?: TaskNotes;
}

/** Title and text of any paragraph: pillar, group heading or task. */
export function readParagraph(first: string, more: readonly string[], lineNotes?: TaskNotes): ReadParagraph {
  const { head, rest } = splitHead(first, more);
  let title: string;
  let text: string;
  let notes: TaskNotes | undefined;
  if (rest && !/[。！？]/.test(head)) {
    // A short heading line, then its own paragraph of text.
    const h = splitTaskNotes(head);
    const r = splitTaskNotes(rest);
    ({ title, text } = { title: h.text, text: r.text });
    notes = mergeNotes(h.notes, r.notes);
  } else {
    const whole = splitTaskNotes(head + rest);
    notes = whole.notes;
    const broken = titleBeforeBreak(whole.text);
    if (broken) ({ title, text } = { title: broken.title, text: broken.after });
    else ({ head: title, rest: text } = firstSentence(whole.text));
  }
  return { title: tidyText(title), text: tidyText(text), ...(mergeNotes(notes, lineNotes) ? { notes: mergeNotes(notes, lineNotes)! } : {}) };
}
