/**
 * Use case, as the roll-up needs it: check a school file into the compact
 * result the roll-up keeps (`SubmissionInput['result']`). The CLI's check
 * threads, its main thread and the page all check files with this, so the
 * mapping from a check to a submission result is written once.
 */
import { compactLedger } from '../core/ledger/compact-ledger.js';
import { indexTemplate } from '../core/ledger/template-index.js';
import type { Plan } from '../core/model.js';
import type { SubmissionInput } from '../core/rollup/types.js';
import type { ValidationRules } from '../core/validate/rules.js';
import type { ReadPlatform } from '../xlsx/read/index.js';
import { checkSubmission } from './check-submission.js';

/** What every check of one roll-up shares; plain data, so it can be posted to a check thread. */
export interface CheckJob {
  plan: Plan;
  asOf: string;
  rules?: ValidationRules;
}

export type SubmissionResult = SubmissionInput['result'];
export type SubmissionChecker = (bytes: Uint8Array, name: string) => SubmissionResult;

export interface CheckerOptions {
  platform?: ReadPlatform;
  /**
   * `false` is for a caller that turns the result into JSON text at once (a thread sending it to the main
   * thread): the text detaches it, so a second JSON round trip here would be wasted.
   */
  detach?: boolean;
}

export function makeChecker(job: CheckJob, { platform, detach = true }: CheckerOptions = {}): SubmissionChecker {
  const index = indexTemplate(job.plan);
  const plain = detach ? asPlainData : <T>(value: T): T => value;
  return (bytes, name) => {
    const checked = checkSubmission(bytes, name, index, { asOf: job.asOf, ...(platform ? { platform } : {}), ...(job.rules ? { rules: job.rules } : {}) });
    return checked.status === 'refused'
      ? { status: 'refused', issue: checked.issue }
      : { status: 'checked', ledger: plain(compactLedger(checked.ledger, index)), issues: plain(checked.issues), date1904: checked.workbook.date1904 };
  };
}

/** One file's input to the roll-up: its name, when it was last changed (breaks ties between two of one school), its result. */
export function submissionInput(file: string, result: SubmissionResult, lastModified?: number | string): SubmissionInput {
  const fileTime = typeof lastModified === 'number' ? new Date(lastModified).toISOString() : lastModified;
  return { file, ...(fileTime !== undefined ? { fileTime } : {}), result };
}

/**
 * A roll-up keeps every file's ledger until the end. Objects built while
 * reading share strings with the file's decoded XML and carry many object
 * shapes; re-reading them as JSON gives compact, independent plain data
 * (measured on 2,000 ledgers: 96 MB of heap down to 39 MB). Check threads send
 * their results as JSON text for the same reason.
 */
function asPlainData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
