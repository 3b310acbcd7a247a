/**
 * `taizhang rollup … --feedback 反馈/ [--resubmit-by 2024-09-10]`: after the
 * roll-up, each school with problems gets its annotated copy, and the folder
 * gets 反馈清单.xlsx, 各校反馈消息.txt and 催报消息.txt (see app/feedback.ts).
 * The folder is checked before any work: never an input folder or inside one,
 * never an existing file. The check threads keep no bytes, so the files of
 * schools with problems are read again here, one at a time, with the same
 * bounded reader; every output is written atomically and never onto an input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Feedback, FeedbackOutput } from '../app/feedback.js';
import { resubmitDeadline } from '../app/resubmit-deadline.js';
import { FEEDBACK_LIST_FILE } from '../core/file-names.js';
import { TaizhangError } from '../core/issues.js';
import type { Plan } from '../core/model.js';
import type { Rollup } from '../core/rollup/types.js';
import type { ValidationRules } from '../core/validate/rules.js';
import type { FoundFile } from './collect-files.js';
import { resolvePath, writeFileAtomic } from './files.js';
import { nativeRender } from './native-deflate.js';
import { nativeRead } from './native-inflate.js';
import { printable } from './display-name.js';
import { claimOutput, guardOutput, insideOf, realTarget, type OutputInputs } from './output-guard.js';
import { readSubmissionFile } from './safe-read.js';

export interface FeedbackTarget {
  folder: string;
  resubmitBy?: string;
}

const shown = (cwd: string, file: string): string => path.relative(cwd, file) || file;

/** `--feedback` and `--resubmit-by`, checked before any file is read; undefined without --feedback. */
export function feedbackTarget(cwd: string, given: { folder?: string; resubmitBy?: string; asOf: string }, inputs: OutputInputs): FeedbackTarget | undefined {
  if (given.folder === undefined) {
    if (given.resubmitBy !== undefined) throw new TaizhangError('FAULT_USAGE', { detail: '--resubmit-by 要和 --feedback 一起使用' });
    return undefined;
  }
  const folder = resolvePath(cwd, given.folder);
  const suggestion = shown(cwd, path.join(path.dirname(realTarget(inputs.folders?.[0] ?? folder)), '反馈'));
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) throw new TaizhangError('FAULT_FEEDBACK_NOT_FOLDER', { output: shown(cwd, folder), suggestion });
  for (const input of inputs.folders ?? []) {
    if (insideOf(realTarget(input), realTarget(folder))) {
      throw new TaizhangError('FAULT_FEEDBACK_IN_INPUT_FOLDER', { output: shown(cwd, folder), folder: shown(cwd, input), suggestion });
    }
  }
  // The page's rule: a valid date, not before the as-of date.
  const resubmitBy = resubmitDeadline(given.resubmitBy, given.asOf);
  return resubmitBy ? { folder, resubmitBy } : { folder };
}

export interface FeedbackJob {
  rollup: Rollup;
  plan: Plan;
  rules?: ValidationRules;
  files: readonly FoundFile[];
}

/** Builds the feedback and writes every file of it into the folder; the folder is locked while it is written. */
export async function writeFeedback(target: FeedbackTarget, job: FeedbackJob, inputs: OutputInputs): Promise<Feedback> {
  const { buildFeedback } = require('../app/feedback.js') as typeof import('../app/feedback.js');
  const byName = new Map(job.files.map((f) => [f.name, f]));
  // The list's claim locks the folder against a second run and creates it; each file is guarded on its own
  // and written as soon as it is made (a province's copies are never all held at once).
  const claim = claimOutput(path.join(target.folder, FEEDBACK_LIST_FILE), inputs);
  const write = async (output: FeedbackOutput): Promise<void> => {
    if (output.name === FEEDBACK_LIST_FILE) return claim.write(output.bytes);
    const file = path.join(target.folder, output.name);
    guardOutput(file, inputs);
    await writeFileAtomic(file, output.bytes);
  };
  try {
    return await buildFeedback(
      {
        rollup: job.rollup,
        plan: job.plan,
        ...(job.rules ? { rules: job.rules } : {}),
        ...(target.resubmitBy ? { resubmitBy: target.resubmitBy } : {}),
        platform: nativeRead,
        render: nativeRender,
        readFile(name) {
          const found = byName.get(name);
          const read = found && readSubmissionFile(found.rawPath ?? found.path, found.name);
          return read && 'bytes' in read ? read.bytes : undefined;
        },
      },
      write,
    );
  } finally {
    claim.release();
  }
}

/** What --json says of the feedback. */
export function feedbackJson(target: FeedbackTarget, fed: Feedback) {
  return { folder: target.folder, files: fed.files, copies: fed.copies, messages: fed.messages, ...(fed.chase ? { chase: fed.chase } : {}), notes: fed.notes };
}

/** The line printed after the summary's. */
export function feedbackLine(cwd: string, target: FeedbackTarget, fed: Feedback): string {
  const files = ['反馈清单.xlsx', ...(fed.messages.length > 0 ? ['各校反馈消息.txt'] : []), ...(fed.chase ? ['催报消息.txt'] : [])];
  const notes = fed.notes.map((n) => `  ${printable(n.school)}：${printable(n.note)}\n`).join('');
  return `已生成各校反馈：${printable(shown(cwd, target.folder))}（${fed.copies} 份标注副本、${files.join('、')}）\n${notes}`;
}
