/**
 * Heading markers at the start of a paragraph, by level, in the order of
 * Chinese official documents:
 * 1 pillars `一、` (`一.` in web copies); 2 `（一）`; 3 `1.` `1．` `１．` `1、`;
 * 4 `（1）` (and `1）` / `1)` in web copies).
 *
 * Which level carries the tasks is decided once per document (task-level.ts):
 * levels between the pillars and the task level are groups (headings over the
 * tasks), deeper levels are sub-points inside a task and are joined to it like
 * any other continuation.
 */
import { chineseNumeralValue, toAsciiDigits } from './numerals.js';

/** 2 `（一）`, 3 `1.`, 4 `（1）`. */
export type TaskLevel = 2 | 3 | 4;
export type MarkerKind = 'pillar' | 'group' | 'dot' | 'paren';

export const LEVEL_OF: Record<MarkerKind, 1 | TaskLevel> = { pillar: 1, group: 2, dot: 3, paren: 4 };
/** How each level is written, for messages and the outline. */
export const LEVEL_SAMPLE: Record<TaskLevel, string> = { 2: '（一）', 3: '1.', 4: '（1）' };

export interface RawMarker {
  kind: MarkerKind;
  no: number;
  /** The numeral as written, `三` (Chinese levels) or `3`. */
  numeral: string;
  rest: string;
}

/** What a paragraph is, once the task level is known: a pillar, a group heading at `level`, or a task. */
export type Marker =
  | { kind: 'pillar'; no: number; numeral: string; rest: string }
  | { kind: 'group'; level: TaskLevel; no: number; numeral: string; rest: string }
  | { kind: 'task'; no: number; rest: string };

const NUMERAL = '[一二三四五六七八九十百〇零两]{1,4}';
/** `一、`, and `一.` / `一．` but not `一.5`; never `三、四年级` or `二、三、四个` (a list of numbers). */
const PILLAR = new RegExp(`^(${NUMERAL})\\s*(?:、|[.．](?![0-9０-９]))(?!${NUMERAL}[、年个项类种次名级])\\s*(.*)$`, 's');
const GROUP = new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]\\s*[、.．]?\\s*(.*)$`, 's');
/** `5.` but not `5.10`: a digit right after the dot makes it a decimal, not a marker. */
const DOT = /^([0-9０-９]{1,3})\s*(?:[.．](?![0-9０-９])|、)\s*(.*)$/s;
const PAREN = /^[（(]\s*([0-9０-９]{1,3})\s*[）)]\s*(.*)$/s;
/** `1）` / `1)` without an opening bracket, as web pages write the fourth level; not `1)2` or `1）、`. */
const HALF_PAREN = /^([0-9０-９]{1,2})\s*[）)](?![0-9０-９、，,])\s*(.*)$/s;

function chinese(kind: 'pillar' | 'group', m: RegExpExecArray | null): RawMarker | undefined {
  if (!m) return undefined;
  const no = chineseNumeralValue(m[1] ?? '');
  return no === undefined ? undefined : { kind, no, numeral: m[1] ?? '', rest: m[2] ?? '' };
}

function arabic(kind: 'dot' | 'paren', m: RegExpExecArray | null): RawMarker | undefined {
  if (!m) return undefined;
  const numeral = toAsciiDigits(m[1] ?? '');
  const no = Number(numeral);
  return no > 0 ? { kind, no, numeral, rest: m[2] ?? '' } : undefined;
}

export function rawMarkerOf(text: string): RawMarker | undefined {
  return (
    chinese('pillar', PILLAR.exec(text)) ??
    chinese('group', GROUP.exec(text)) ??
    arabic('dot', DOT.exec(text)) ??
    arabic('paren', PAREN.exec(text)) ??
    arabic('paren', HALF_PAREN.exec(text))
  );
}

/** The paragraph's role at this task level; undefined means it continues the previous paragraph. */
export function markerOf(text: string, taskLevel: TaskLevel): Marker | undefined {
  const raw = rawMarkerOf(text);
  if (!raw) return undefined;
  if (raw.kind === 'pillar') return { kind: 'pillar', no: raw.no, numeral: raw.numeral, rest: raw.rest };
  const level = LEVEL_OF[raw.kind] as TaskLevel;
  if (level === taskLevel) return { kind: 'task', no: raw.no, rest: raw.rest };
  if (level < taskLevel) return { kind: 'group', level, no: raw.no, numeral: raw.numeral, rest: raw.rest };
  return undefined;
}
