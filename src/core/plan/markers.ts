/**
 * Heading markers at the start of a paragraph: pillars `一、`, groups `（一）`,
 * tasks `1.` `1．` `１．` `1、` and, in some plans, `（1）`.
 *
 * Which marker is the task level is decided once per document
 * (`chooseTaskLevel`), following the order of Chinese official documents
 * 一、 → （一） → 1. → （1）:
 * - `1.` tasks whenever the plan has any; then `（1）` paragraphs are sub-points
 *   inside a task and are joined to it like any other continuation.
 * - `（1）` tasks only when the plan has no `1.` tasks at all, i.e. uses `（1）`
 *   consistently as its task level.
 * - `（一）` paragraphs are the tasks when the plan has neither: the common
 *   two-level 工作要点 (一、 → （一）) has its work items there.
 */
import { chineseNumeralValue, toAsciiDigits } from './numerals.js';

export type TaskLevel = 'dot' | 'paren' | 'group' | 'none';

export type RawMarker =
  | { kind: 'pillar' | 'group'; no: number; numeral: string; rest: string }
  | { kind: 'dot' | 'paren'; no: number; rest: string };

/** What a paragraph is, once the task level is known. */
export type Marker =
  | { kind: 'pillar' | 'group'; no: number; numeral: string; rest: string }
  | { kind: 'task'; no: number; rest: string };

const NUMERAL = '[一二三四五六七八九十百〇零两]{1,4}';
const PILLAR = new RegExp(`^(${NUMERAL})\\s*、\\s*(.*)$`, 's');
const GROUP = new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]\\s*[、.．]?\\s*(.*)$`, 's');
/** `5.` but not `5.10`: a digit right after the dot makes it a decimal, not a marker. */
const DOT = /^([0-9０-９]{1,3})\s*(?:[.．](?![0-9０-９])|、)\s*(.*)$/s;
const PAREN = /^[（(]\s*([0-9０-９]{1,3})\s*[）)]\s*(.*)$/s;

export function rawMarkerOf(text: string): RawMarker | undefined {
  let m = PILLAR.exec(text);
  if (m) {
    const no = chineseNumeralValue(m[1] ?? '');
    if (no !== undefined) return { kind: 'pillar', no, numeral: m[1] ?? '', rest: m[2] ?? '' };
  }
  m = GROUP.exec(text);
  if (m) {
    const no = chineseNumeralValue(m[1] ?? '');
    if (no !== undefined) return { kind: 'group', no, numeral: m[1] ?? '', rest: m[2] ?? '' };
  }
  m = DOT.exec(text) ?? PAREN.exec(text);
  if (m) {
    const no = Number(toAsciiDigits(m[1] ?? ''));
    if (no > 0) return { kind: text.startsWith('(') || text.startsWith('（') ? 'paren' : 'dot', no, rest: m[2] ?? '' };
  }
  return undefined;
}

/** Decides the task level from the paragraph-start markers found after the first pillar. */
export function chooseTaskLevel(texts: readonly string[]): TaskLevel {
  const kinds = new Set(texts.map((t) => rawMarkerOf(t)?.kind));
  if (kinds.has('dot')) return 'dot';
  if (kinds.has('paren')) return 'paren';
  if (kinds.has('group')) return 'group';
  return 'none';
}

/** The paragraph's role at this task level; undefined means it continues the previous paragraph. */
export function markerOf(text: string, level: TaskLevel): Marker | undefined {
  const raw = rawMarkerOf(text);
  if (!raw) return undefined;
  switch (raw.kind) {
    case 'pillar':
      return raw;
    case 'group':
      return level === 'group' ? { kind: 'task', no: raw.no, rest: raw.rest } : raw;
    case 'dot':
    case 'paren':
      return raw.kind === level ? { kind: 'task', no: raw.no, rest: raw.rest } : undefined;
  }
}
