/**
 * The roll-up itself, loaded by `taizhang rollup` once its check threads are
 * starting (see commands/rollup.ts): checking every school file, rolling up,
 * writing the summary and printing the accounting.
 */
import * as path from 'node:path';
import { rollUpSubmissions, type RolledUp, type RoundOptions } from '../../app/roll-up-submissions.js';
import type { SubmissionChecker } from '../../app/submission-checker.js';
import { summaryFileName } from '../../core/file-names.js';
import { describeIssue, issue, TaizhangError } from '../../core/issues.js';
import type { Issue, Plan } from '../../core/model.js';
import type { DetailRow, Rollup } from '../../core/rollup/types.js';
import type { ValidationRules } from '../../core/validate/rules.js';
import { nativeRender } from '../native-deflate.js';
import { stringOption } from '../args.js';
import { checkFilesInto, nodeChecker } from '../check-files.js';
import { ResultSpool } from '../result-spool.js';
import { RowSpool } from '../row-spool.js';
import type { CheckPool } from '../check-pool.js';
import { collectFiles, type FoundFile, type NotRead } from '../collect-files.js';
import { convertToXlsx, findSoffice } from '../convert-legacy.js';
import { resolvePath } from '../files.js';
import { claimOutput, type OutputClaim } from '../output-guard.js';
import { summaryMustNotTouch, usedForOtherThings, type RollupSources } from '../rollup-inputs.js';
import { feedbackJson, feedbackLine, feedbackTarget, writeFeedback, type FeedbackTarget } from '../rollup-feedback.js';
import { printable } from '../display-name.js';
import type { CliIo } from '../io.js';
import { asOfOption, planReadingOptions, rulesOption } from '../plan-options.js';
import { loadPlan } from '../plan-input.js';
import { progressBar } from '../progress.js';
import { EXIT_OK, EXIT_PROBLEMS, reportIssues, countBySeverity } from '../report.js';
import { loadRoster } from '../roster-input.js';
import { formatAccounting, reportNothingToRollUp } from '../rollup-report.js';
import { sortOption, type RollupValues } from './rollup-options.js';
import { roundOptions } from '../previous-input.js';
import { roundLine } from '../../core/report/round-words.js';

export interface RollupRun {
  /** Its 明细 rows were in a spool, closed once the summary is written: only the summary and `accounting` have them. */
  rollup: Rollup;
  rounds: RolledUp['rounds'];
  /** The summary file in pieces, to write in order (never joined into one buffer). */
  summary: Uint8Array[];
  /** Texts cut to fit Excel's limit per cell in the summary (WORKBOOK_TEXT_CUT); also in `rollup.problems`. */
  cut: Issue[];
  skipped: string[];
  converted: number;
}

export interface RollupRequest {
  plan: Plan;
  files: FoundFile[];
  skipped: string[];
  /** Entries found but not read (a pipe, a broken link, an unreadable folder): listed apart with their reason. */
  notRead?: NotRead[];
  asOf: string;
  roster?: string[];
  rules?: ValidationRules;
  sortBy?: 'roster' | 'rate';
  /** This round's label and last round's summary as read back (see `RoundOptions`). */
  rounds?: RoundOptions;
  /** Check threads (see `startCheckPool`); without them the files are checked on this thread. */
  pool?: CheckPool;
  onProgress?: (done: number, total: number) => void;
}

/** The whole roll-up without printing: used by the command, the demo and the benchmark. */
export async function runRollupJob(request: RollupRequest): Promise<RollupRun> {
  const job = { plan: request.plan, asOf: request.asOf, ...(request.rules ? { rules: request.rules } : {}) };
  // Results wait in the spool, off the heap, until the roll-up reaches their school.
  const spool = new ResultSpool();
  // 明细's rows too: written to the summary from a temporary file, row by row.
  const detailStore = new RowSpool<DetailRow>();
  try {
    await checkFilesInto(request.files, job, (done) => request.onProgress?.(done, request.files.length), spool, request.pool);
    const converted = await convertLegacy(request.files, spool, nodeChecker(job));
    for (const entry of request.notRead ?? []) spool.push({ file: entry.name, result: { status: 'refused', issue: entry.issue } });
    const rolled = rollUpSubmissions(spool, request.plan, {
      asOf: request.asOf,
      ...(request.roster ? { roster: request.roster } : {}),
      ...(request.rules ? { pace: request.rules.pace } : {}),
      ...(request.sortBy ? { sortBy: request.sortBy } : {}),
      ...request.rounds,
      detailStore,
    });
    // Every file is in the roll-up now: the spool goes before the summary is written, not beside it.
    spool.close();
    const summary = await rolled.renderSummaryPieces(nativeRender);
    return { rollup: rolled.rollup, rounds: rolled.rounds, summary, cut: rolled.cut, skipped: request.skipped, converted };
  } finally {
    spool.close();
    detailStore.close();
  }
}

/** Re-checks old-format files through LibreOffice when it is installed; returns how many converted. */
async function convertLegacy(files: FoundFile[], spool: ResultSpool, check: SubmissionChecker): Promise<number> {
  const legacy = files.flatMap((_, i) => (spool.heads[i]!.refusal?.code === 'XLSX_READ_LEGACY_XLS' ? [i] : []));
  if (legacy.length === 0) return 0;
  const soffice = findSoffice();
  if (!soffice) return 0;
  const bytes = await convertToXlsx(soffice, legacy.map((i) => files[i]!.path));
  let converted = 0;
  for (const i of legacy) {
    const xlsx = bytes.get(files[i]!.path);
    if (!xlsx) continue;
    const head = spool.heads[i]!;
    const result = check(xlsx, head.file);
    if (result.status === 'checked') {
      const note = issue('CLI_CONVERTED_LEGACY', 'info', { file: head.file }, { file: head.file });
      spool.put(i, { file: head.file, ...(head.fileTime !== undefined ? { fileTime: head.fileTime } : {}), result: { ...result, issues: [note, ...result.issues] } });
      converted += 1;
    }
  }
  return converted;
}

export async function rollupWith(
  pool: CheckPool | undefined,
  values: RollupValues,
  positionals: string[],
  io: CliIo,
): Promise<number> {
  const asOf = asOfOption(stringOption(values, 'as-of'));
  const sortBy = sortOption(stringOption(values, 'sort'));
  const rules = await rulesOption(io.cwd, stringOption(values, 'rules'));
  const rosterFile = stringOption(values, 'roster');
  const roster = rosterFile === undefined ? undefined : await loadRoster(io.cwd, rosterFile);
  const loaded = await loadPlan(io.cwd, stringOption(values, 'plan'), planReadingOptions(values));
  if (countBySeverity(loaded.issues).errors > 0) return reportIssues(io, loaded.issues);

  const output = resolvePath(io.cwd, stringOption(values, 'output') ?? summaryFileName(loaded.plan.title));
  const rulesFile = stringOption(values, 'rules');
  const previousFile = stringOption(values, 'previous');
  const rounds = await roundOptions(io.cwd, stringOption(values, 'round'), previousFile, loaded.plan);
  const sources: RollupSources = { cwd: io.cwd, positionals, plan: loaded.file, ...(rosterFile ? { roster: rosterFile } : {}), ...(rulesFile ? { rules: rulesFile } : {}), ...(previousFile ? { previous: previousFile } : {}) };
  const { files, skipped, notRead } = collectFiles(io.cwd, positionals, usedForOtherThings(sources));
  // Before any file is checked: the summary may not replace an input or land among them, nor race another run.
  const feedback = feedbackTarget(io.cwd, { folder: stringOption(values, 'feedback'), resubmitBy: stringOption(values, 'resubmit-by'), asOf }, summaryMustNotTouch(sources, files));
  const claim = claimOutput(output, summaryMustNotTouch(sources, files));
  // The 通报 draft (--report) is claimed with the same care, before any work too.
  const reportFile = stringOption(values, 'report');
  if (reportFile !== undefined && resolvePath(io.cwd, reportFile) === output) {
    claim.release();
    throw new TaizhangError('FAULT_USAGE', { detail: '--report 和 -o 指向了同一个文件，请给通报草稿另起一个文件名（如 通报.docx）' });
  }
  let report: OutputClaim | undefined;
  try {
    report = reportFile === undefined ? undefined : claimOutput(resolvePath(io.cwd, reportFile), summaryMustNotTouch(sources, files));
    const request = { plan: loaded.plan, files, skipped, notRead, asOf, sortBy, rounds, ...(roster ? { roster } : {}), ...(rules ? { rules } : {}), ...(pool ? { pool } : {}) };
    const extras = { ...(report ? { report } : {}), ...(feedback ? { feedback: { target: feedback, inputs: summaryMustNotTouch(sources, files) } } : {}) };
    return await rollupInto(claim, request, values, positionals, io, extras);
  } finally {
    report?.release();
    claim.release();
  }
}

/** Writes the 通报 draft; its code (and the docx library) load only when a draft is asked for. */
async function writeReport(report: OutputClaim, run: RollupRun, plan: Plan): Promise<void> {
  const { writeRollupBriefing } = require('../../app/write-briefing.js') as typeof import('../../app/write-briefing.js');
  await report.write((await writeRollupBriefing(run.rollup, plan, run.rounds.changes)).bytes);
}

/** A school's lights and 序时进度 for --json: per task by id. */
function schoolPace(s: Rollup['schools'][number]) {
  return { lightCounts: s.lightCounts, lights: s.lights, ...(s.rates ? { rates: s.rates } : {}), ...(s.pace ? { pace: s.pace } : {}), ...(s.rank ? { rank: s.rank } : {}), ...(s.lagging ? { lagging: true } : {}) };
}

interface RollupExtras {
  report?: OutputClaim;
  feedback?: { target: FeedbackTarget; inputs: ReturnType<typeof summaryMustNotTouch> };
}

async function rollupInto(claim: OutputClaim, request: RollupRequest, values: RollupValues, positionals: string[], io: CliIo, extras: RollupExtras): Promise<number> {
  const { report } = extras;
  const output = claim.file;
  const { files, skipped } = request;
  const progress = progressBar(io, files.length, '汇总中');
  const run = await runRollupJob({ ...request, onProgress: (done) => progress.update(done) });
  progress.finish();
  if (run.rollup.accounting.filesRead + run.rollup.accounting.filesRefused === 0) return reportNothingToRollUp(io, run, positionals, Boolean(values.json));
  await claim.write(run.summary);
  for (const item of run.cut) io.stderr(describeIssue(item) + '\n');
  if (report) await writeReport(report, run, request.plan);
  const fed = extras.feedback && (await writeFeedback(extras.feedback.target, { rollup: run.rollup, plan: request.plan, files, ...(request.rules ? { rules: request.rules } : {}) }, extras.feedback.inputs));

  const { accounting } = run.rollup;
  if (values.json) {
    const schools = run.rollup.schools.map((s) => ({ name: s.name, status: s.status, roster: s.roster, files: s.files, ...schoolPace(s) }));
    const { overdue, lightCounts, pace, paceRules } = run.rollup;
    io.stdout(JSON.stringify({ output, ...(report ? { report: report.file } : {}), ...(fed ? { feedback: feedbackJson(extras.feedback!.target, fed) } : {}), asOf: request.asOf, round: { label: run.rounds.record.label, ...(run.rounds.changes ? { sinceLast: run.rounds.changes } : {}) }, accounting, skipped, converted: run.converted, cut: run.cut, schools, taskStats: run.rollup.taskStats, lightCounts, pace, paceRules, overdue }, null, 2) + '\n');
  } else {
    io.stdout(formatAccounting(run.rollup, skipped, run.converted));
    io.stdout(`已生成汇总表：${printable(path.relative(io.cwd, output) || output)}\n`);
    io.stdout(roundLine(run.rounds.record.label, request.asOf, run.rounds.changes) + '\n');
    if (fed) io.stdout(feedbackLine(io.cwd, extras.feedback!.target, fed));
    if (report) io.stdout(`已生成通报草稿：${printable(path.relative(io.cwd, report.file) || report.file)}（标“请填写”的地方需要补写）\n`);
  }
  const errorRows = run.rollup.problems.filter((p) => p.severity === 'error').length;
  return accounting.filesRefused > 0 || errorRows > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
