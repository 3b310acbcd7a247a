/**
 * 责任单位 / 配合单位 / 责任人 / 完成时限 cells of a task table, read into the
 * same `TaskNotes` a text plan's inline note gives. A 责任单位 column often
 * holds both kinds (`责任单位（牵头单位、配合单位）`): written with keys
 * (`牵头单位：教务处；配合单位：各年级组`, `牵头：…`) or marked per unit
 * (`教务处（牵头）、各年级组`); unmarked units after a marked 牵头 one help.
 */
import type { TaskNotes } from '../../model.js';
import { KEYED_SEGMENT, readNote } from '../notes.js';

export interface NoteCells {
  units?: string;
  cooperating?: string;
  owners?: string;
  deadline?: string;
}

const LIST_SPLIT = /[、，,/／；;\n]+|\s{1,}/;
const LEAD = /[（(]?\s*(牵头|主责|负责)\s*[）)]?$/;
const HELP = /[（(]?\s*(配合|协办|参与)\s*[）)]?$/;

function items(text: string): string[] {
  return text
    .split(LIST_SPLIT)
    .map((item) => item.trim().replace(/[。.]$/, ''))
    .filter(Boolean);
}

function readUnits(text: string): { units: string[]; cooperating: string[]; owners: string[]; deadline?: string } {
  // `牵头：A 配合：B` is the short form of the keyed note.
  const keyed = text.replace(/(^|[\s；;，,、])(牵头|配合|协办)\s*[:：]/g, (_m, sep: string, key: string) => `${sep}；${key === '牵头' ? '牵头单位' : '配合单位'}：`);
  const normal = keyed.replace(/^[\s；]+/, '').replace(/\n/g, '；');
  if (KEYED_SEGMENT.test(normal)) {
    const note = readNote(normal, text);
    return { units: note.units, cooperating: note.cooperatingUnits, owners: note.owners ?? [], ...(note.deadline ? { deadline: note.deadline } : {}) };
  }
  const all = items(text);
  const marked = all.some((item) => LEAD.test(item));
  const units: string[] = [];
  const cooperating: string[] = [];
  for (const item of all) {
    if (LEAD.test(item)) units.push(item.replace(LEAD, '').trim());
    else if (HELP.test(item) || marked) cooperating.push(item.replace(HELP, '').trim());
    else units.push(item);
  }
  return { units: units.filter(Boolean), cooperating: cooperating.filter(Boolean), owners: [] };
}

export function notesFromCells(cells: NoteCells): TaskNotes | undefined {
  const units = cells.units ? readUnits(cells.units) : { units: [], cooperating: [], owners: [] as string[] };
  const cooperating = [...units.cooperating, ...(cells.cooperating ? items(cells.cooperating) : [])];
  const owners = [...units.owners, ...(cells.owners ? items(cells.owners) : [])];
  const deadline = cells.deadline?.replace(/\s*\n\s*/g, '').trim() || ('deadline' in units ? units.deadline : undefined);
  if (units.units.length + cooperating.length + owners.length === 0 && !deadline) return undefined;
  const raw = [
    cells.units && (KEYED_SEGMENT.test(cells.units) ? '' : '责任单位：') + cells.units.replace(/\s*\n\s*/g, ' '),
    cells.cooperating && `配合单位：${cells.cooperating}`,
    cells.owners && `责任人：${cells.owners}`,
    cells.deadline && `完成时限：${cells.deadline.replace(/\s*\n\s*/g, '')}`,
  ].filter(Boolean).join('；');
  return {
    units: units.units,
    cooperatingUnits: cooperating,
    ...(deadline ? { deadline } : {}),
    ...(owners.length > 0 ? { owners } : {}),
    raw,
  };
}
