/** The counts that prove nothing was lost, and the per-task statistics over every adopted school. */
import { messageFor } from '../issues.js';
import type { OtherEntry } from './other-files.js';
import type { SubmissionHead } from './submission-source.js';
import type { Accounting, RollupTask, SchoolRollup, TaskState, TaskStat } from './types.js';
import { rate } from './task-states.js';

/**
 * Files and rows are counted from the inputs, independently of how they were
 * laid out, so a row or file dropped by a bug shows up as `balanced: false`.
 */
export function accountFor(
  inputs: readonly SubmissionHead[],
  schools: readonly SchoolRollup[],
  /** The rows the detail list got, counted as they went in. */
  details: { adopted: number; superseded: number; total: number },
  rosterGiven: boolean,
  otherEntries: readonly OtherEntry[] = [],
): Accounting {
  const read = inputs.filter((i) => i.refusal === undefined);
  const refusals = inputs.flatMap((i) => (i.refusal ? [{ file: i.file, code: i.refusal.code, reason: refusalReason(schools, i.file) }] : []));
  const rowsRead = read.reduce((n, i) => n + i.rows, 0);
  const files = schools.flatMap((s) => s.files);
  const others = otherEntries.map((o) => ({ file: o.file, code: o.issue.code, reason: messageFor(o.issue.code, o.issue.params), severity: o.issue.severity }));
  const filesFound = inputs.length + others.length;
  const filesRefused = refusals.length;
  return {
    filesFound,
    filesRead: read.length,
    filesRefused,
    filesOther: others.length,
    others,
    filesAdopted: files.filter((f) => f.outcome === '采用').length,
    filesSuperseded: files.filter((f) => f.outcome === '已替代').length,
    refusals,
    rowsRead,
    rowsAdopted: details.adopted,
    rowsSuperseded: details.superseded,
    detailRows: details.total,
    rosterGiven,
    schoolsListed: schools.filter(onRoster).length,
    schoolsListedSubmitted: schools.filter((s) => onRoster(s) && s.kept !== undefined).length,
    schoolsTotal: schools.length,
    schoolsSubmitted: schools.filter((s) => s.kept !== undefined).length,
    schoolsMissing: schools.filter((s) => s.status === '未报送').length,
    schoolsUnlisted: schools.filter((s) => s.roster === 'unlisted').length,
    schoolsDuplicate: schools.filter((s) => s.status === '重复报送').length,
    schoolsUnreadable: schools.filter((s) => s.status === '无法读取' || s.status === '非本模板').length,
    balanced: filesFound === read.length + filesRefused + others.length && rowsRead === details.total && files.length === inputs.length,
  };
}

const onRoster = (s: SchoolRollup): boolean => s.roster === 'listed' || s.roster === 'similar';

function refusalReason(schools: readonly SchoolRollup[], file: string): string {
  for (const s of schools) for (const f of s.files) if (f.file === file && f.reason) return f.reason;
  return '';
}

const COUNTED: Record<TaskState, keyof Pick<TaskStat, 'done' | 'inProgress' | 'notStarted' | 'overdue' | 'unfilled'>> = {
  已完成: 'done',
  推进中: 'inProgress',
  未开始: 'notStarted',
  逾期: 'overdue',
  未填: 'unfilled',
};

/** One line per plan task over the adopted schools' states (each aligned with `tasks`). */
export function taskStatistics(tasks: readonly RollupTask[], statesPerSchool: readonly (readonly TaskState[])[]): TaskStat[] {
  return tasks.map((task, i) => {
    const stat: TaskStat = {
      taskId: task.id,
      pillarNumeral: task.pillarNumeral,
      no: task.no,
      title: task.title,
      schools: statesPerSchool.length,
      filled: 0,
      done: 0,
      inProgress: 0,
      notStarted: 0,
      overdue: 0,
      unfilled: 0,
      rate: rate(0, statesPerSchool.length),
    };
    for (const states of statesPerSchool) {
      const state = states[i] ?? '未填';
      stat[COUNTED[state]] += 1;
      if (state !== '未填') stat.filled += 1;
    }
    stat.rate = rate(stat.done, stat.schools);
    return stat;
  });
}
