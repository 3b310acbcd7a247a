/**
 * The roll-up of many school files as plain data: who submitted, what each
 * school reported task by task, every row and every problem, and the counts
 * that prove nothing was lost on the way. `buildSummarySpec` lays it out as a
 * workbook; the CLI prints `accounting` and may write the lists as CSV.
 */
import type { Ledger } from '../ledger/ledger-types.js';
import type { Issue, Severity } from '../model.js';
import type { PaceRules } from '../validate/rules.js';

/** One school file after `checkSubmission`, as the CLI hands it over (no workbook object). */
export interface SubmissionInput {
  file: string;
  /** ISO time the file was last modified: breaks a tie between two files with the same 填报日期. */
  fileTime?: string;
  result: { status: 'refused'; issue: Issue } | { status: 'checked'; ledger: Ledger; issues: Issue[]; date1904?: boolean };
}

export interface RollupOptions {
  /** Schools expected to submit (display names, e.g. from `parseRoster`). */
  roster?: string[];
  /** `YYYY-MM-DD`: a date deadline before it that is not 已完成 is 逾期. */
  asOf: string;
  /** The 红/黄/绿 rules (the rules file's `pace`); the defaults when absent. */
  pace?: PaceRules;
  /** Order of schools in 汇总: the roster's (found schools not on it after, by name), or by rank. */
  sortBy?: SortBy;
  /**
   * Where the detail rows go instead of `Rollup.details`: the CLI's spills them to a temporary file,
   * so 20,000 schools' 明细 is never all in memory. Read them back with `detailRowsOf`.
   */
  detailStore?: RowStore<DetailRow>;
}

/** Rows kept in order and read back in order, as often as asked. */
export interface RowStore<T> {
  readonly length: number;
  push(row: T): void;
  rows(): Iterable<T>;
}

export type SortBy = 'roster' | 'rate';

/** A task's light on the as-of date (see task-light.ts). */
export const LIGHTS = ['红', '黄', '绿', '未填'] as const;
export type Light = (typeof LIGHTS)[number];
export type LightCounts = Record<Light, number>;

/** 序时进度: of the tasks due on or before the as-of date, how many are 已完成; per pillar and overall. */
export interface Pace {
  pillars: Rate[];
  overall: Rate;
}

/** One 红 task of one school, for 逾期清单 and the 通报. */
export interface OverdueRow {
  school: string;
  taskId: string;
  pillar: string;
  task: string;
  owner: string;
  reporter: string;
  phone: string;
  deadline: string;
  deadlineRead: string;
  status: string;
}

export const TASK_STATES = ['已完成', '推进中', '未开始', '逾期', '未填'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export type SchoolStatus = '已报送' | '未报送' | '重复报送' | '无法读取' | '非本模板';
/** What became of one file: its ledger used, replaced by a later one of the same school, or refused. */
export type FileOutcome = '采用' | '已替代' | '无法读取' | '非本模板';
/** How a school relates to the roster; `none` when no roster was given. */
export type RosterMatch = 'listed' | 'similar' | 'unlisted' | 'none';

export interface Rate {
  done: number;
  total: number;
  /** done ÷ total, 0 when total is 0. */
  rate: number;
}

export interface RollupTask {
  id: string;
  /** Index into `Rollup.pillars` (plan order). */
  pillarIndex: number;
  pillarNo: number;
  pillarNumeral: string;
  no: number;
  title: string;
}

export interface RollupPillar {
  no: number;
  numeral: string;
  title: string;
  taskCount: number;
}

export interface FileInfo {
  unit: string;
  reporter: string;
  phone: string;
  /** 填报日期 as shown (date cells as `YYYY-MM-DD`). */
  date: string;
  /** 填报日期 understood as a calendar day, when it can be. */
  dateIso?: string;
}

export interface RollupFile {
  file: string;
  fileTime?: string;
  outcome: FileOutcome;
  /** Where the school's name came from: 填报单位, or the file name when that is empty or the file was refused. */
  identifiedBy: 'unit' | 'fileName';
  info: FileInfo;
  errors: number;
  warnings: number;
  /** Rows read from the file (task, extra and orphan rows). */
  rows: number;
  /** Refused files: the refusal's code and message. */
  code?: string;
  reason?: string;
}

export interface SchoolRollup {
  /** Normalised name: what schools are matched and sorted by. */
  key: string;
  name: string;
  roster: RosterMatch;
  status: SchoolStatus;
  /** Adopted file first, then superseded ones (most recent first), then refused ones (by name). */
  files: RollupFile[];
  /** The adopted file, when the school has a readable one. */
  kept?: string;
  /** One state per `Rollup.tasks` entry; empty when nothing was adopted. */
  states: TaskState[];
  /** Per pillar (plan order) and overall; absent when nothing was adopted. */
  rates?: { pillars: Rate[]; overall: Rate };
  /** 1-based place on the roster; absent for a school not on it (or without a roster). */
  rosterNo?: number;
  /** One light per `Rollup.tasks` entry; empty when nothing was adopted. */
  lights: Light[];
  lightCounts: LightCounts;
  /** Absent when nothing was adopted. */
  pace?: Pace;
  /** Place among schools with an adopted file, by 序时进度 then completion (ties share a place). */
  rank?: number;
  /** Among the `pace.lowestCount` lowest-ranked schools. */
  lagging?: boolean;
}

export interface TaskStat {
  taskId: string;
  pillarNumeral: string;
  no: number;
  title: string;
  /** Schools with an adopted file. */
  schools: number;
  /** Schools whose state is not 未填. */
  filled: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  unfilled: number;
  rate: Rate;
}

export interface DetailRow {
  school: string;
  file: string;
  sheet: string;
  row: number;
  /** The row's first table cell, e.g. `A5`. */
  cell: string;
  kind: 'task' | 'extra' | 'orphan';
  taskId?: string;
  pillar: string;
  seq: string;
  task: string;
  measures: string;
  unit: string;
  owner: string;
  deadline: string;
  /** The due date as understood (`2024-06-30`), `每学期`/`长期` etc., `无法识别`, or empty. */
  deadlineRead: string;
  progress: string;
  status: string;
  remark: string;
  adopted: boolean;
}

export interface ProblemRow {
  school: string;
  file: string;
  sheet: string;
  cell: string;
  severity: Severity;
  code: string;
  message: string;
}

export interface ChangeRow {
  school: string;
  keptFile: string;
  supersededFile: string;
  /** `3. 开展…` or `填报说明`. */
  task: string;
  column: string;
  /** In the superseded file. */
  old: string;
  /** In the adopted file. */
  new: string;
}

export interface Accounting {
  /** Every entry found: read + refused + other. */
  filesFound: number;
  filesRead: number;
  filesRefused: number;
  /** Entries listed apart, never schools: files that are not spreadsheets, and what could not be opened. */
  filesOther: number;
  others: { file: string; code: string; reason: string; severity: Severity }[];
  filesAdopted: number;
  filesSuperseded: number;
  refusals: { file: string; code: string; reason: string }[];
  /** Task, extra and orphan rows of every read file, superseded ones included. */
  rowsRead: number;
  rowsAdopted: number;
  rowsSuperseded: number;
  /** Rows in the detail list; equals rowsRead. */
  detailRows: number;
  rosterGiven: boolean;
  /** Schools on the roster (0 without one). */
  schoolsListed: number;
  /** Schools on the roster with an adopted file. */
  schoolsListedSubmitted: number;
  /** Lines of 报送情况: roster schools and every school found. */
  schoolsTotal: number;
  /** Schools with an adopted file, on the roster or not. */
  schoolsSubmitted: number;
  schoolsMissing: number;
  schoolsUnlisted: number;
  schoolsDuplicate: number;
  schoolsUnreadable: number;
  /** filesFound = filesRead + filesRefused + filesOther and rowsRead = detailRows. */
  balanced: boolean;
}

export interface Rollup {
  asOf: string;
  planTitle: string;
  pillars: RollupPillar[];
  tasks: RollupTask[];
  schools: SchoolRollup[];
  taskStats: TaskStat[];
  /** Over every adopted school: per pillar and overall. */
  overall: { pillars: Rate[]; overall: Rate };
  /** Every row of every read file; empty when they went to `RollupOptions.detailStore` (then in `detailStore`). */
  details: DetailRow[];
  detailStore?: RowStore<DetailRow>;
  problems: ProblemRow[];
  changes: ChangeRow[];
  accounting: Accounting;
  /** The rules the lights were judged by. */
  paceRules: PaceRules;
  sortBy: SortBy;
  /** Every 红 task, school by school in roster order, tasks in plan order. */
  overdue: OverdueRow[];
  /** Over every adopted school: 红/黄/绿/未填 and 序时进度. */
  lightCounts: LightCounts;
  pace: Pace;
}
