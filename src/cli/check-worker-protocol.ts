/** What the main thread sends a check thread: the job once, then files (types only, so importing it loads nothing). */
import type { CheckJob } from '../app/submission-checker.js';
import type { SubmissionHead } from '../core/rollup/submission-source.js';
import type { FoundFile } from './collect-files.js';

export type WorkerRequest = { kind: 'job'; job: CheckJob } | { kind: 'file'; file: FoundFile };

/** What a check thread answers per file: the result's head (for grouping) and the whole result as JSON text. */
export interface WorkerResult {
  head: SubmissionHead;
  json: string;
}
