/**
 * Responsibility notes in the shapes other than a keyed bracket at the end of
 * a task (notes.ts):
 * - a line of its own after the task: `责任单位：组干科、民管办。`,
 *   `牵头单位：教务处　配合单位：各年级组`, `（责任人：王明）`, `完成时限：6月底前`;
 * - an unbracketed keyed tail after the last sentence: `…推进。责任单位：教务处`;
 * - a bare owner in brackets after the last sentence or on its own line:
 *   `（杨）` is a person (责任人), `（教务处）` a unit (责任单位).
 * A bare bracket counts only after a sentence end: `民办学校（幼儿园）。`
 * qualifies a noun inside the sentence and stays text.
 */
import type { TaskNotes } from '../model.js';
import { KEYED_SEGMENT, isNoteContent, readNote, splitTrailingNote, splitUnits } from './notes.js';

/** What a unit's name ends with (处、科、室、办、组、中心 …); anything else short is a person. */
const UNIT_END = /(处|科|室|办|部|组|中心|委|会|局|厅|校|学|院|园|队|站|所|团|馆|年级|支部|工会)$/;
const PERSON = /^[\u4e00-\u9fff·]{1,4}$/;
/** Short bracketed words that follow a sentence without naming anyone. */
const NOT_OWNER = /^(试行|暂行|草案|修订|修订稿|征求意见稿|讨论稿|节选|摘要|略|待定|续|完|新增|下同|同上|必选|可选|选做|重点|长期|常规|特色|创新|亮点|示范|全年|续表|附件|见附件|注|全体|全员)$/;
const SENTENCE_END = /[。；;！!？?]$/;
/** Where the text after the last sentence end starts (a final 。 of the tail itself not counted); -1 when there is none. */
function lastStop(text: string): number {
  const t = text.replace(/[。．.]$/, '');
  let at = -1;
  for (const stop of '。！!？?') at = Math.max(at, t.lastIndexOf(stop));
  return at;
}

function bareOwners(inner: string, raw: string): TaskNotes | undefined {
  const items = splitUnits(inner.replace(/\s+/g, '、'));
  if (items.length === 0 || inner.length > 40) return undefined;
  const notes: TaskNotes = { units: [], cooperatingUnits: [], raw };
  const owners: string[] = [];
  for (const item of items) {
    if (/^各/.test(item) || UNIT_END.test(item)) notes.units.push(item);
    else if (PERSON.test(item) && !NOT_OWNER.test(item)) owners.push(item);
    else return undefined;
  }
  if (owners.length > 0) notes.owners = owners;
  return notes;
}

function bracketed(text: string): string | undefined {
  const m = /^[（(]\s*([^（()）]*)\s*[）)][。．.；;]?$/.exec(text);
  return m?.[1]?.trim();
}

/** A line that is nothing but a note, e.g. `责任单位：组干科、民管办。` or `（杨）`. */
export function readNoteLine(text: string): TaskNotes | undefined {
  const line = text.trim();
  if (line.length > 200) return undefined;
  if (KEYED_SEGMENT.test(line)) return readNote(line.replace(/[。．.]$/, ''), line);
  const inner = bracketed(line);
  if (inner === undefined) return undefined;
  if (isNoteContent(inner)) return readNote(inner, line.replace(/[。．.；;]$/, ''));
  return bareOwners(inner, line.replace(/[。．.；;]$/, ''));
}

/** Joins two notes of one task; the first deadline found wins, `raw` keeps both. */
export function mergeNotes(a: TaskNotes | undefined, b: TaskNotes | undefined): TaskNotes | undefined {
  if (!a || !b) return a ?? b;
  const owners = [...(a.owners ?? []), ...(b.owners ?? [])];
  const deadline = a.deadline ?? b.deadline;
  return {
    units: [...a.units, ...b.units],
    cooperatingUnits: [...a.cooperatingUnits, ...b.cooperatingUnits],
    ...(deadline !== undefined ? { deadline } : {}),
    ...(owners.length > 0 ? { owners } : {}),
    raw: /[）)]$/.test(a.raw) ? `${a.raw}${b.raw}` : `${a.raw}；${b.raw}`,
  };
}

/** `…推进。责任单位：教务处` → the keyed tail after the last sentence end. */
function splitKeyedTail(text: string): { text: string; notes?: TaskNotes } {
  const at = lastStop(text);
  const raw = at < 0 ? '' : text.slice(at + 1).trim();
  const tail = raw.replace(/[。．.]$/, '');
  if (!tail || !KEYED_SEGMENT.test(tail)) return { text };
  return { text: text.slice(0, at + 1), notes: readNote(tail, raw) };
}

/** `…推进。（杨）` → the bare owner bracket after the last sentence end. */
function splitBareOwner(text: string): { text: string; notes?: TaskNotes } {
  const m = /[（(]\s*([^（()）]{1,40})\s*[）)]\s*[。．.]?\s*$/.exec(text);
  if (!m) return { text };
  const before = text.slice(0, m.index).trimEnd();
  if (!SENTENCE_END.test(before)) return { text };
  const notes = bareOwners(m[1] ?? '', text.slice(m.index).trim().replace(/[。．.]$/, ''));
  return notes ? { text: before, notes } : { text };
}

/** Every note at the end of a task's text, in whichever of the accepted shapes, taken off and merged. */
export function splitTaskNotes(text: string): { text: string; notes?: TaskNotes } {
  let rest = text;
  let notes: TaskNotes | undefined;
  // A task may end in two notes, e.g. `（责任单位：教务处）（杨）`; the last one is read first.
  for (let round = 0; round < 3; round++) {
    // Every shape ends in a bracket or follows a key: text ending otherwise holds no note (most tasks: one test).
    if (!/[）)]\s*[。．.；;]?\s*$/.test(rest) && !KEYED_SEGMENT.test(rest.slice(lastStop(rest) + 1).trim())) break;
    let found: { text: string; notes?: TaskNotes } | undefined;
    for (const split of [splitTrailingNote, splitBareOwner, splitKeyedTail]) {
      const tried = split(rest);
      if (tried.notes) {
        found = tried;
        break;
      }
    }
    if (!found) break;
    rest = found.text;
    notes = mergeNotes(found.notes, notes);
  }
  return notes ? { text: rest, notes } : { text };
}

/** A keyed note left in the middle of a task's text (not at its end): reported, since it is not prefilled. */
export function noteInsideText(text: string): string | undefined {
  const m = /[（(]\s*(?:责任|牵头|配合|协办|完成时限|完成时间)[^（()）]{0,60}[）)]/.exec(text);
  if (!m) return undefined;
  return isNoteContent(m[0].slice(1, -1).trim()) ? m[0] : undefined;
}
