/**
 * What the file page shows, as plain data made from the use cases' results:
 * headlines, tones, what to download. No DOM here, so all of it is tested in
 * node; dom-view.ts only turns these into elements. The sentences come from
 * core/report/wording.ts, as in the CLI and the Excel pane.
 */
import type { AnnotatedCopy } from '../../app/annotate-submission.js';
import type { Issue } from '../../core/model.js';
import { countBySeverity } from '../../core/report/issue-groups.js';
import { carriedPhrase, checkHeadline, ledgerSize, quotedFile, rollupVerdict, verdict } from '../../core/report/wording.js';
import type { Rollup } from '../../core/rollup/types.js';
import type { CarriedSummary } from '../work/generate.js';

export type Tone = 'good' | 'bad';

export interface FileDownload {
  fileName: string;
  bytes: Uint8Array;
}

export interface GeneratedFileView {
  headline: string;
  file: FileDownload;
  /** Warnings from reading the plan (and, carried from last round, what was not carried), shown under the download. */
  planIssues: Issue[];
  /** The line above those warnings. */
  issuesTitle: string;
}

type Made = { fileName: string; bytes: Uint8Array; pillars: number; tasks: number; issues: Issue[]; carried?: CarriedSummary };

export function generatedFileView(made: Made): GeneratedFileView {
  const { carried } = made;
  const size = ledgerSize(made.pillars, made.tasks);
  return {
    headline: carried
      ? `已用上期台账“${carried.from}”生成本期台账：${made.fileName}${size}。${carriedPhrase(carried.tasks, carried.extras, carried.leftOut)}`
      : `已生成台账：${made.fileName}${size}。`,
    file: { fileName: made.fileName, bytes: made.bytes },
    planIssues: made.issues,
    issuesTitle: carried ? '以下提示请核对：' : '工作要点中有以下提示，请核对：',
  };
}

/** The previous ledger could not be read: no ledger is made. */
export function refusedPreviousView(fileName: string, problem: Issue): CheckedFileView {
  return { headline: `上期台账“${fileName}”无法读取，未生成本期台账。`, tone: 'bad', issues: [problem], annotatable: false };
}

export interface CheckedFileView {
  headline: string;
  tone: Tone;
  issues: Issue[];
  /** False for a file that could not be checked: no annotated copy is offered. */
  annotatable: boolean;
}

export function checkedFileView(fileName: string, planTitle: string, asOf: string, issues: Issue[]): CheckedFileView {
  const counts = countBySeverity(issues);
  return {
    headline: `${checkHeadline(quotedFile(fileName), planTitle, asOf)}：${verdict(counts)}`,
    tone: counts.errors > 0 ? 'bad' : 'good',
    issues,
    annotatable: true,
  };
}

export function refusedFileView(fileName: string, planTitle: string, asOf: string, problem: Issue): CheckedFileView {
  return { headline: `${checkHeadline(quotedFile(fileName), planTitle, asOf)}：文件无法校验。`, tone: 'bad', issues: [problem], annotatable: false };
}

export interface AnnotatedFileView {
  text: string;
  file: FileDownload;
}

export function annotatedFileView(copy: AnnotatedCopy): AnnotatedFileView {
  return { text: `标注副本已生成（${copy.note}）。`, file: { fileName: copy.fileName, bytes: copy.bytes } };
}

export interface RolledUpFileView {
  headline: string;
  /** good: every roster school submitted, nothing refused, no errors; warn: some of those; bad: the accounting does not balance. */
  tone: Tone | 'warn';
  /** What the headline counts, each a link to its list below. */
  gaps: { missing: number; refused: number; errors: number };
  rollup: Rollup;
  lines: [string, number, string][];
}

export function rolledUpFileView(rollup: Rollup, lines: [string, number, string][]): RolledUpFileView {
  const { tone, text, missing, refused, errors } = rollupVerdict(rollup);
  return { headline: text, tone: rollup.accounting.balanced ? tone : 'bad', gaps: { missing, refused, errors }, rollup, lines };
}

export interface OutlineView {
  headline: string;
  tone: Tone;
  /** The outline, one entry per line: its depth (two spaces a level in the text) and text. */
  lines: { depth: number; text: string }[];
  issues: Issue[];
}

export function outlineView(preview: { fileName: string; lines: string[]; issues: Issue[]; errors: number }): OutlineView {
  const counts = countBySeverity(preview.issues);
  const headline =
    preview.errors > 0
      ? `“${preview.fileName}”有错误，按现在的读法不能生成台账：${verdict(counts)}请看下面的提示。`
      : `这是从“${preview.fileName}”读出的结构，请核对大项、任务和预填的责任单位、完成时限${counts.warnings > 0 ? `（另有 ${counts.warnings} 个警告，见下方）` : ''}。`;
  const lines = preview.lines.map((line) => {
    const depth = /^ */.exec(line)![0].length / 2;
    return { depth: Math.floor(depth), text: line.trim() };
  });
  return { headline, tone: preview.errors > 0 ? 'bad' : 'good', lines, issues: preview.issues };
}
