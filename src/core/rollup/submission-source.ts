/**
 * The files of a roll-up as the roll-up reads them: a small head per file,
 * enough to sort and group them, and each file's whole result loaded only when
 * its school is rolled up. A list of inputs held in memory is one such source;
 * the CLI's spool (a temporary file) is another, so 20,000 files' ledgers are
 * never all in memory at once.
 */
import type { Issue } from '../model.js';
import type { SubmissionInput } from './types.js';

export interface SubmissionHead {
  file: string;
  fileTime?: string;
  /** 填报单位 as read (untrimmed), '' when empty or the file was refused. */
  unit: string;
  /** Rows read from the file (0 when refused). */
  rows: number;
  /** The refusal, when the file could not be used. */
  refusal?: Issue;
}

export interface SubmissionSource {
  heads: readonly SubmissionHead[];
  /** The whole input of `heads[i]`: called once per file, when its school is rolled up. */
  load(i: number): SubmissionInput;
}

export function headOf(input: SubmissionInput): SubmissionHead {
  const r = input.result;
  const base = { file: input.file, ...(input.fileTime !== undefined ? { fileTime: input.fileTime } : {}) };
  return r.status === 'checked' ? { ...base, unit: r.ledger.info.unit?.text ?? '', rows: r.ledger.rows.length } : { ...base, unit: '', rows: 0, refusal: r.issue };
}

/** Inputs held in memory (the page, the add-ins, tests) as a source. */
export function sourceOf(inputs: readonly SubmissionInput[]): SubmissionSource {
  return { heads: inputs.map(headOf), load: (i) => inputs[i]! };
}
