/**
 * 汇总 in the page: every school file through the roll-up's own checker (as
 * the CLI's check threads do), then the roll-up use case. Files are checked
 * one at a time, with a pause every SLICE_MS, so a roll-up of a whole
 * district keeps the page responsive and the progress bar moving.
 */
import { readRoster } from '../../app/load-roster.js';
import { writeRollupBriefing } from '../../app/write-briefing.js';
import { readPreviousSummary } from '../../app/read-previous-summary.js';
import { rollUpSubmissions, type RolledUp, type RoundOptions } from '../../app/roll-up-submissions.js';
import { resubmitDeadline } from '../../app/resubmit-deadline.js';
import { makeChecker, submissionInput } from '../../app/submission-checker.js';
import type { Issue } from '../../core/model.js';
import type { SubmissionInput } from '../../core/rollup/types.js';
import { feedbackOf, type PageFeedback } from './feedback.js';
import { loadPagePlan, type PickedFile, type PlanReadingChoice } from './plan.js';

export type RollupRun =
  | { ok: false; issues: Issue[] }
  | ({
      ok: true;
      /** The 通报 draft (.docx) from the same figures. */ report(): Promise<{ fileName: string; bytes: Uint8Array }>;
      /** 各校反馈: annotated copies, 反馈清单 and messages, in one .zip; `resubmitBy` as the page has it when the button is clicked. */
      feedback(resubmitBy?: string): Promise<PageFeedback>;
    } & RolledUp);

/** 本期名称 (blank: from the as-of date, as the CLI's --round) and 重新报送截止日期, as typed in the page. */
export interface PageRound {
  label?: string;
  resubmitBy?: string;
}

/** Lets the browser paint and handle input between two files. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Work between two pauses. A pause after every file cost more than the file: browsers hold a timer nested five
 * deep for at least 4 ms, so 2,000 files waited 8 s in all; 50 ms slices still repaint the progress 20 times a second.
 */
const SLICE_MS = 50;

export async function rollUpFiles(
  plan: PickedFile | undefined,
  files: readonly PickedFile[],
  roster: PickedFile | undefined,
  asOf: string,
  onProgress: (done: number, total: number, file: string) => void,
  reading?: PlanReadingChoice,
  /** 上期汇总 (optional): refused, before any file is checked, when it is not this plan's summary. */
  previous?: PickedFile,
  round: PageRound = {},
): Promise<RollupRun> {
  // A deadline already past is refused before anything is read, as the CLI does.
  resubmitDeadline(round.resubmitBy, asOf);
  const loaded = await loadPagePlan(plan, reading);
  if (loaded.errors > 0) return { ok: false, issues: loaded.issues };
  const read = previous ? readPreviousSummary(previous, loaded.plan) : undefined;
  if (read && !read.ok) return { ok: false, issues: [read.issue] };
  const rounds: RoundOptions = { ...(round.label?.trim() ? { round: round.label } : {}), ...(read ? { previous: read.data } : {}) };
  const check = makeChecker({ plan: loaded.plan, asOf });
  const inputs: SubmissionInput[] = [];
  let sliceStart = -Infinity;
  for (const [i, file] of files.entries()) {
    if (performance.now() - sliceStart >= SLICE_MS) {
      onProgress(i, files.length, file.name);
      await pause();
      sliceStart = performance.now();
    }
    inputs.push(submissionInput(file.name, check(file.bytes, file.name), file.lastModified));
  }
  onProgress(files.length, files.length, '');
  await pause();
  const names = roster ? readRoster(roster.bytes, roster.name) : undefined;
  const rolled = rollUpSubmissions(inputs, loaded.plan, { asOf, ...(names ? { roster: names } : {}), ...rounds });
  const report = () => writeRollupBriefing(rolled.rollup, loaded.plan, rolled.rounds.changes);
  const feedback = (resubmitBy?: string) => feedbackOf(rolled.rollup, loaded.plan, files, resubmitDeadline(resubmitBy, asOf));
  return { ok: true, ...rolled, report, feedback };
}
