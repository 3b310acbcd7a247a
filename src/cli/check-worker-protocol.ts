/** What the main thread sends a check thread: the job once, then files (types only, so importing it loads nothing). */
import type { CheckJob } from '../app/submission-checker.js';
import type { SubmissionHead } from '../core/rollup/submission-source.js';
import type { SubmissionInput } from '../core/rollup/types.js';
import type { FoundFile } from './collect-files.js';

export type WorkerRequest = { kind: 'job'; job: CheckJob } | { kind: 'file'; file: FoundFile };

/** What a check thread answers per file: the result's head (for grouping) and the whole result as JSON text. */
export interface WorkerResult {
  head: SubmissionHead;
  json: string;
}

/** Where checked results go, by the file's index: an array, or the roll-up's spool (result-spool.ts). */
export interface ResultSink {
  put(i: number, input: SubmissionInput): void;
  /** A result as JSON text (the plain data it parses to is what the roll-up keeps), with its head. */
  putText(i: number, head: SubmissionHead, json: string): void;
}
