/**
 * What a summary remembers of its rounds, so the next round can be put beside
 * it: this round's label and date, every round's overall rate, each school's
 * rate per round, and each school's per-task state, light and a short hash of
 * its 完成情况 (enough to tell "changed", never the text itself). Written as
 * plain text rows under the summary marker (a very hidden sheet), so our own
 * values-only reader reads it back; compact for a province (20,000 schools ×
 * 30 tasks is one row per school of about 300 characters), and every cell
 * stays under Excel's 32,767 characters by splitting long packs across cells.
 */
import { LIGHTS, TASK_STATES, type Light, type SchoolStatus, type TaskState } from '../rollup/types.js';
import type { CellSpec, RowSpec } from '../workbook/spec.js';
import type { SheetSnapshot } from '../workbook/snapshot.js';

/** Bumped when the rows change in a way an older reader would misread. */
export const ROUND_DATA_FORMAT = 1;
/** Well under Excel's 32,767 characters per cell. */
const CELL_CHARS = 30_000;

export interface TaskMark {
  state: TaskState;
  light: Light;
  /** Hash of the task's 完成情况 (its rows' texts joined); empty when nothing was written. */
  progress: string;
}

export interface RoundEntry {
  label: string;
  asOf: string;
  /** Overall completion over the schools with an adopted file; null when no task was counted. */
  rate: number | null;
}

export interface RoundSchool {
  /** Normalised name: how a school is matched from round to round. */
  key: string;
  name: string;
  /** This round's status; empty for a school seen only in earlier rounds. */
  status: SchoolStatus | '';
  /** One per round (oldest first); null when the school had no adopted file that round. */
  rates: (number | null)[];
  /**
   * One mark per `taskIds` entry, packed as the marker sheet stores them (`taskMarks` unpacks them);
   * empty when nothing was adopted this round. Packed in memory too: a province's record is one short
   * ASCII string per school, not an object per school and task (that was 80 MB at 20,000 schools).
   */
  tasks: string;
}

export interface SummaryData {
  templateId: string;
  planTitle: string;
  /** This round (also the last entry of `rounds`). */
  label: string;
  asOf: string;
  taskIds: string[];
  /** Oldest first, this round last. */
  rounds: RoundEntry[];
  schools: RoundSchool[];
}

/** FNV-1a (32-bit) in base 36: a 完成情况 text in at most 7 characters. */
export function textHash(text: string): string {
  if (text === '') return '';
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CELL_CHARS) out.push(text.slice(i, i + CELL_CHARS));
  return out.length > 0 ? out : [''];
}

const packRate = (rate: number | null): string => (rate === null ? '' : String(Math.round(rate * 1e6) / 1e6));
const packTask = (t: TaskMark): string => `${TASK_STATES.indexOf(t.state)}${LIGHTS.indexOf(t.light)}${t.progress}`;

/** Marks → a school's `tasks`. */
export function packTasks(marks: readonly TaskMark[]): string {
  return marks.map(packTask).join(',');
}

/** A school's `tasks` → its marks (undefined for a token that is no mark). */
export function taskMarks(packed: string): (TaskMark | undefined)[] {
  return packed === '' ? [] : packed.split(',').map(unpackTask);
}

/** The rows written under the marker's first row, from `firstRow` on. */
export function roundDataRows(data: SummaryData, firstRow: number, style: string, withSchools = true): RowSpec[] {
  const row = (n: number, values: string[]): RowSpec => ({ row: n, cells: values.map((value, i): CellSpec => ({ col: i + 1, value, style })) });
  const rows: RowSpec[] = [
    row(firstRow, ['data', String(ROUND_DATA_FORMAT), data.label, data.asOf, data.planTitle]),
    row(firstRow + 1, ['tasks', ...chunks(data.taskIds.join(','))]),
  ];
  let n = firstRow + 2;
  for (const r of data.rounds) rows.push(row(n++, ['round', r.label, r.asOf, packRate(r.rate)]));
  if (!withSchools) return rows;
  for (const row of roundSchoolRows(data, n, style)) rows.push(row);
  return rows;
}

/** The rows after `roundDataRows(data, firstRow, style, false)`: one per school, made as they are asked for. */
export function* roundSchoolRows(data: SummaryData, firstRow: number, style: string): Generator<RowSpec> {
  let n = firstRow;
  for (const s of data.schools) {
    const values = ['school', s.key, s.name, s.status, s.rates.map(packRate).join(','), ...chunks(s.tasks)];
    yield { row: n++, cells: values.map((value, i): CellSpec => ({ col: i + 1, value, style })) };
  }
}

/** The widest school row's cell count (for a sheet's dimension). */
export function roundSchoolColumns(data: SummaryData): number {
  let widest = 0;
  for (const s of data.schools) widest = Math.max(widest, s.tasks.length);
  return 5 + Math.max(1, Math.ceil(widest / CELL_CHARS));
}

function unpackRate(text: string): number | null {
  if (text === '') return null;
  const rate = Number(text);
  return Number.isFinite(rate) ? rate : null;
}

function unpackTask(token: string): TaskMark | undefined {
  const state = TASK_STATES[Number(token[0])];
  const light = LIGHTS[Number(token[1])];
  return state && light ? { state, light, progress: token.slice(2) } : undefined;
}

/** Row number → its texts by column (1-based; gaps are empty). */
function rowTexts(sheet: SheetSnapshot): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  for (const c of sheet.cells) {
    let texts = rows.get(c.row);
    if (!texts) rows.set(c.row, (texts = []));
    while (texts.length < c.col - 1) texts.push('');
    texts[c.col - 1] = String(c.value);
  }
  return rows;
}

/**
 * The data back from the marker sheet, or undefined when it holds none (a
 * summary made before rounds were recorded) or holds a newer format.
 */
export function readRoundData(sheet: SheetSnapshot, templateId: string): SummaryData | undefined {
  let data: SummaryData | undefined;
  for (const texts of rowTexts(sheet).values()) {
    const [kind = '', ...rest] = texts;
    if (kind === 'data') {
      if (Number(rest[0]) !== ROUND_DATA_FORMAT) return undefined;
      data = { templateId, label: rest[1] ?? '', asOf: rest[2] ?? '', planTitle: rest[3] ?? '', taskIds: [], rounds: [], schools: [] };
    } else if (!data) {
      continue;
    } else if (kind === 'tasks') {
      const joined = rest.join('');
      data.taskIds = joined === '' ? [] : joined.split(',');
    } else if (kind === 'round') {
      data.rounds.push({ label: rest[0] ?? '', asOf: rest[1] ?? '', rate: unpackRate(rest[2] ?? '') });
    } else if (kind === 'school') {
      const [key = '', name = '', status = '', rates = '', ...packed] = rest;
      const joined = packed.join('');
      data.schools.push({
        key,
        name,
        status: status as SchoolStatus | '',
        rates: rates === '' && data.rounds.length === 0 ? [] : rates.split(',').map(unpackRate),
        tasks: taskMarks(joined).every((t) => t !== undefined) ? joined : '',
      });
    }
  }
  return data && data.rounds.length > 0 ? data : undefined;
}
