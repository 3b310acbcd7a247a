/**
 * The 工作要点落实情况通报 as plain data: what a roll-up says about each school
 * (BriefingInput, built by the caller from the Rollup) and the document built
 * from it (Briefing: headings, paragraphs, tables), which a writer lays out as
 * .docx. Kept apart from the Rollup so the draft's wording does not depend on
 * how the figures were computed.
 */

export type BriefingSchoolStatus = '已报送' | '未报送' | '重复报送' | '无法读取' | '非本模板';

export interface BriefingTask {
  pillar: string;
  task: string;
  /** The deadline as the plan wrote it (e.g. `6月底前`). */
  deadline: string;
}

export interface BriefingSchool {
  name: string;
  status: BriefingSchoolStatus;
  /** Completion rate 0..1 of all the school's tasks. */
  rate?: number;
  /** 序时进度 0..1: of the tasks due by the as-of date, the share done. */
  paceRate?: number;
  /** Rank among schools by 序时进度 (ties share a rank, 1 is best). */
  rank?: number;
  red: number;
  yellow: number;
  green: number;
  redTasks: BriefingTask[];
  filler?: string;
  phone?: string;
}

export interface BriefingInput {
  planTitle: string;
  /** `YYYY-MM-DD`: the date the figures are judged at, and the draft's date. */
  asOf: string;
  /** 发文机关 for the 落款; a marked blank when not known. */
  issuer?: string;
  /** Whether 应报 comes from a roster; without one, it is the schools whose files came in. */
  rosterGiven?: boolean;
  schools: BriefingSchool[];
  totals: { listed: number; submitted: number; missing: number; refused: number };
  /** Against the previous round (`taizhang rollup --previous`), when one was given. */
  sinceLast?: BriefingSinceLast;
}

/** What changed since the previous round, counted; schools by name. */
export interface BriefingSinceLast {
  label: string;
  asOf: string;
  /** Overall completion 0..1 last round and now; absent when not counted. */
  rate?: number;
  currentRate?: number;
  newlyDone: number;
  newlyRed: number;
  wentBack: number;
  progressUpdated: number;
  newlySubmitted: string[];
  newlyMissing: string[];
  /** Schools with a task gone back from 已完成. */
  wentBackSchools: string[];
}

/** A piece of text; `fill` marks a place a person must write (shown as 【请填写：…】 in its own style). */
export interface Run {
  text: string;
  fill?: boolean;
}

export type Block =
  | { kind: 'title'; text: string }
  /** 主送机关, flush left. */
  | { kind: 'addressee'; text: string }
  /** 一、 level, 黑体, its own line. */
  | { kind: 'heading1'; text: string }
  /** （一） level in 楷体, followed in the same paragraph by body text. */
  | { kind: 'heading2'; text: string; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  /** 附件说明: `附件：1. …` then the other names aligned under the first. */
  | { kind: 'attachments'; names: string[] }
  /** 落款 (the issuer) and 成文日期, right-aligned. */
  | { kind: 'signature'; issuer: Run; date: string };

export interface BriefingTable {
  /** `附件1`. */
  label: string;
  title: string;
  columns: string[];
  rows: string[][];
  /** Relative column widths, one per column. */
  widths: number[];
}

export interface Briefing {
  title: string;
  body: Block[];
  attachments: BriefingTable[];
}
