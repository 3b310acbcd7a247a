/**
 * 本期变化: this round against the last, from the two rounds' records
 * (round-data.ts): per school the tasks newly 已完成, newly 红, gone back from
 * 已完成 and those whose 完成情况 changed; schools newly submitted or newly
 * missing; the overall rate of both rounds and the difference.
 */
import type { SchoolStatus } from '../rollup/types.js';
import { taskMarks, type RoundEntry, type RoundSchool, type SummaryData, type TaskMark } from './round-data.js';

export const TASK_CHANGE_KINDS = ['新完成', '新亮红灯', '由已完成退回', '完成情况有更新'] as const;
export type TaskChangeKind = (typeof TASK_CHANGE_KINDS)[number];

export interface TaskChange {
  school: string;
  taskId: string;
  kind: TaskChangeKind;
  /** 状态 (or light) last round and now; empty for a 完成情况 change (only its hash is kept). */
  before: string;
  after: string;
}

export interface RoundChanges {
  previous: RoundEntry;
  current: RoundEntry;
  /** current − previous; null when either has no rate. */
  rateDelta: number | null;
  /** School by school in this round's order, tasks in plan order. */
  tasks: TaskChange[];
  newlySubmitted: string[];
  newlyMissing: string[];
}

const SUBMITTED: ReadonlySet<SchoolStatus | ''> = new Set<SchoolStatus | ''>(['已报送', '重复报送']);
const submitted = (s: RoundSchool | undefined): boolean => s !== undefined && SUBMITTED.has(s.status) && s.tasks !== '';

function taskChanges(school: string, taskId: string, was: TaskMark, now: TaskMark): TaskChange[] {
  const out: TaskChange[] = [];
  const add = (kind: TaskChangeKind, before: string, after: string) => out.push({ school, taskId, kind, before, after });
  if (now.state === '已完成' && was.state !== '已完成') add('新完成', was.state, now.state);
  if (was.state === '已完成' && now.state !== '已完成') add('由已完成退回', was.state, now.state);
  if (now.light === '红' && was.light !== '红') add('新亮红灯', was.light, now.light);
  // Only as a change of its own: a row already listed (新完成, 新亮红灯…) shows the new 完成情况 beside it anyway.
  if (now.progress !== was.progress && out.length === 0) add('完成情况有更新', '', '');
  return out;
}

export function roundChanges(previous: SummaryData, current: SummaryData): RoundChanges {
  const before = new Map(previous.schools.map((s) => [s.key, s]));
  const previousTask = new Map(previous.taskIds.map((id, i) => [id, i]));
  const tasks: TaskChange[] = [];
  const newlySubmitted: string[] = [];
  const newlyMissing: string[] = [];
  for (const now of current.schools) {
    const was = before.get(now.key);
    if (submitted(now) && !submitted(was)) newlySubmitted.push(now.name);
    if (!submitted(now) && submitted(was)) newlyMissing.push(now.name);
    if (!submitted(now) || !submitted(was)) continue;
    // Unpacked one school at a time: the record keeps them packed.
    const [marks, oldMarks] = [taskMarks(now.tasks), taskMarks(was!.tasks)];
    current.taskIds.forEach((taskId, i) => {
      const j = previousTask.get(taskId);
      const mark = marks[i];
      const old = j === undefined ? undefined : oldMarks[j];
      if (mark && old) for (const change of taskChanges(now.name, taskId, old, mark)) tasks.push(change);
    });
  }
  const prev = previous.rounds[previous.rounds.length - 1]!;
  const cur = current.rounds[current.rounds.length - 1]!;
  const rateDelta = prev.rate === null || cur.rate === null ? null : cur.rate - prev.rate;
  return { previous: prev, current: cur, rateDelta, tasks, newlySubmitted, newlyMissing };
}
