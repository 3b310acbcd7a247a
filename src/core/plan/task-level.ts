/**
 * Which numbered level carries the work: `（一）` (2), `1.` (3) or `（1）` (4).
 * Plans use the levels of 公文 differently: the seed has 一、 → 1.; a
 * two-level 工作要点 has its work items at （一）; a four-level plan
 * (一、/（一）/1./（1）) may have headings at 1. and the work at （1）, or work
 * at 1. with （1） sub-points.
 *
 * Starting at the shallowest level found below the pillars, the choice goes
 * one level deeper while that level's items are headings over the next:
 * most of them have children at the next level, and either the children
 * carry the notes (责任单位/时限 are written on work items), or the items read
 * as headings (short, one sentence at most), or the children hold clearly more
 * of the text. A level whose items mostly stand alone carries the work itself.
 * The clerk can override the choice (`--task-level`).
 */
import { LEVEL_OF, rawMarkerOf, type TaskLevel } from './markers.js';
import { readNoteLine, splitTaskNotes } from './note-lines.js';

export interface TaskLevelChoice {
  level: TaskLevel;
  /** Levels found below the pillars, shallowest first. */
  present: TaskLevel[];
  given: boolean;
}

interface Item {
  level: 1 | TaskLevel;
  /** Paragraph text after the marker, continuation lines included. */
  text: string;
  notes: boolean;
  /** Chinese characters of its text, notes left out (computed once the text is complete). */
  prose: number;
  children: Item[];
}

const HAN = /[\u3400-\u9fff]/g;

function hanCount(text: string): number {
  return (text.match(HAN) ?? []).length;
}

function subtreeLength(item: Item): number {
  let total = item.prose;
  for (const child of item.children) total += subtreeLength(child);
  return total;
}

/** Short and at most one sentence: `深化课堂教学改革`, `坚持党的全面领导。`. */
function readsAsHeading(item: Item): boolean {
  const text = item.text.trim();
  return item.prose <= 30 && !/[。；;！？][^。；;！？]/.test(text);
}

function itemsOf(texts: readonly string[]): Item[] {
  const items: Item[] = [];
  const stack: Item[] = [];
  for (const text of texts) {
    const raw = rawMarkerOf(text);
    const current = stack[stack.length - 1];
    if (!raw) {
      if (!current) continue;
      if (readNoteLine(text)) current.notes = true;
      else current.text += text;
      continue;
    }
    const item: Item = { level: LEVEL_OF[raw.kind], text: raw.rest, notes: false, prose: 0, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.level >= item.level) stack.pop();
    stack[stack.length - 1]?.children.push(item);
    stack.push(item);
    items.push(item);
  }
  for (const item of items) {
    const split = splitTaskNotes(item.text);
    if (split.notes) item.notes = true;
    item.prose = hanCount(split.text);
  }
  return items;
}

function shouldDescend(items: readonly Item[], level: TaskLevel, deeper: TaskLevel): boolean {
  const atLevel = items.filter((i) => i.level === level);
  const parents = atLevel.filter((i) => i.children.some((c) => c.level === deeper));
  if (parents.length * 2 <= atLevel.length) return false;
  const notesHere = atLevel.filter((i) => i.notes).length;
  const notesDeeper = items.filter((i) => i.level === deeper && i.notes).length;
  if (notesHere > notesDeeper) return false;
  if (notesDeeper > notesHere) return true;
  if (parents.filter(readsAsHeading).length * 2 > parents.length) return true;
  const own = parents.reduce((sum, p) => sum + p.prose, 0);
  const below = parents.reduce((sum, p) => sum + p.children.filter((c) => c.level === deeper).reduce((s, c) => s + subtreeLength(c), 0), 0);
  return below > 1.5 * own;
}

/** Chooses the task level from the paragraphs of the body (after the first pillar, or from the first numbered one). */
export function chooseTaskLevel(texts: readonly string[], given?: TaskLevel): TaskLevelChoice {
  const items = itemsOf(texts);
  const present = ([2, 3, 4] as const).filter((level) => items.some((i) => i.level === level));
  if (given !== undefined) return { level: given, present, given: true };
  let level: TaskLevel = present[0] ?? 3;
  for (let i = 0; i + 1 < present.length && present[i] === level; i++) {
    const deeper = present[i + 1]!;
    if (!shouldDescend(items, level, deeper)) break;
    level = deeper;
  }
  return { level, present, given: false };
}
