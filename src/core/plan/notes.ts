/**
 * Inline responsibility/deadline notes at the end of a task, e.g.
 * `（责任科室：基础教育科、教研室；2025年6月底前）` or
 * `(牵头单位：办公室；配合单位：各中小学；完成时限：2025年12月底前)`.
 *
 * Only a bracket at the very end of the task counts (a trailing 。 after it is
 * allowed), and only if its content starts with a known key or is just a
 * deadline: `（试行）` or `（幼儿园）` at the end of a sentence are text, not notes.
 */
import { appendAll } from '../arrays.js';
import type { TaskNotes } from '../model.js';

const UNIT_KEYS = ['责任科室', '责任单位', '牵头单位', '牵头科室', '牵头部门', '责任部门', '责任处室', '责任股室', '牵头股室'];
const COOPERATING_KEYS = ['配合单位', '协办单位', '配合科室', '配合部门', '配合股室'];
const DEADLINE_KEYS = ['完成时限', '完成时间', '时间节点', '时限'];
const OWNER_KEYS = ['责任人', '负责人', '责任领导', '分管领导'];
/** Every key a note may use, longest first so `责任单位` is never read as `责任` + …. */
export const NOTE_KEYS = [...UNIT_KEYS, ...COOPERATING_KEYS, ...DEADLINE_KEYS, ...OWNER_KEYS].sort((a, b) => b.length - a.length);
const ALL_KEYS = NOTE_KEYS.join('|');

export const KEYED_SEGMENT = new RegExp(`^(${ALL_KEYS})\\s*[:：]\\s*(.*)$`, 's');
/** `；` always separates segments; `，` only when a key follows (`牵头单位：办公室，配合单位：…`). */
const SEGMENT_SPLIT = new RegExp(`[；;]|[，,\\s]+(?=(?:${ALL_KEYS})\\s*[:：])`);

const NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const YEAR = '(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年';
/** `2025年6月底前`, `6月30日`, `12月`, `2025年3月中旬`. */
const DATE_DEADLINE = new RegExp(
  `^(?:${YEAR})?\\s*${NUM}\\s*月\\s*(?:${NUM}\\s*日)?\\s*(?:底|末|初|上旬|中旬|下旬|份)?\\s*(?:前|之前|以前|完成|止)?$`,
);
/** `年底前`, `2025年上半年`, `第三季度末`, `每学期`, `长期坚持`. */
const WORD_DEADLINE = new RegExp(
  `^(?:(?:${YEAR})?\\s*(?:年底|年末|年内|上半年|下半年|全年|第?[一二三四]季度末?|本学期|学期末|学期内)(?:前|内|完成)?` +
    '|长期坚持|长期|持续推进|常态化|每周|每月|每季度|每学期|每年)$',
);

export function isDeadlineText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 24 && (DATE_DEADLINE.test(t) || WORD_DEADLINE.test(t));
}

/** Notes are short; a longer bracket is a sentence in brackets, whatever it starts with. */
const MAX_NOTE_LENGTH = 200;

export function isNoteContent(inner: string): boolean {
  return inner.length <= MAX_NOTE_LENGTH && (KEYED_SEGMENT.test(inner) || isDeadlineText(inner));
}

export function splitUnits(value: string): string[] {
  return value
    .replace(/[。；;]+$/, '')
    .split(/[、，,/／]/)
    .map((unit) => unit.trim())
    .filter((unit) => unit.length > 0);
}

export function readNote(inner: string, raw: string): TaskNotes {
  const notes: TaskNotes = { units: [], cooperatingUnits: [], raw };
  const owners: string[] = [];
  let lastList = notes.units;
  for (const segment of inner.split(SEGMENT_SPLIT).map((s) => s.trim()).filter(Boolean)) {
    const keyed = KEYED_SEGMENT.exec(segment);
    if (!keyed) {
      if (isDeadlineText(segment)) notes.deadline ??= segment;
      else appendAll(lastList, splitUnits(segment)); // `责任科室：A；B` — B continues the list
      continue;
    }
    const key = keyed[1] ?? '';
    const value = (keyed[2] ?? '').trim();
    if (DEADLINE_KEYS.includes(key)) {
      if (value) notes.deadline ??= value;
      continue;
    }
    lastList = COOPERATING_KEYS.includes(key) ? notes.cooperatingUnits : OWNER_KEYS.includes(key) ? owners : notes.units;
    appendAll(lastList, splitUnits(value));
  }
  if (owners.length > 0) notes.owners = owners;
  return notes;
}

/** Index of the bracket opening the one that closes at `close`, allowing nested brackets inside. */
function matchingOpen(text: string, close: number): number | undefined {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const ch = text[i];
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

/** Removes a trailing note from task text; returns the text without it and the note read. */
export function splitTrailingNote(text: string): { text: string; notes?: TaskNotes } {
  const end = /[）)]\s*([。．.；;]?)\s*$/.exec(text);
  if (!end) return { text };
  const close = end.index;
  const open = matchingOpen(text, close);
  if (open === undefined) return { text };
  const inner = text.slice(open + 1, close).trim();
  if (!isNoteContent(inner)) return { text };
  const raw = text.slice(open, close + 1);
  let rest = text.slice(0, open).trimEnd();
  // `…推进（责任单位：X）。` keeps its 。; `…推进。（责任单位：X）` already has one.
  const stop = end[1] ?? '';
  if (stop && !/[。．.；;]$/.test(rest)) rest += stop;
  return { text: rest, notes: readNote(inner, raw) };
}
