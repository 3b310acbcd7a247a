/**
 * Use case: the annotated copy (校验标注副本) of a checked submission: the
 * school's workbook with its problem cells marked and a 校验结果 sheet in
 * front. Its own module because the copy is the one step that needs the
 * heavier writing code: a plain check never loads it.
 */
import { annotatedFileName } from '../core/file-names.js';
import { annotatedNote } from '../core/report/wording.js';
import { annotateWorkbook } from '../xlsx/annotate.js';
import type { SubmissionCheck } from './check-submission.js';

export interface AnnotatedCopy {
  fileName: string;
  bytes: Uint8Array;
  /** False when only the 校验结果 sheet could be added (the school's sheets were unsafe to load). */
  marked: boolean;
  /** How the copy was made, in the words every front end shows. */
  note: string;
}

/** `bytes` are the submission's own bytes; they are never changed. `asOf` is the day the check judged deadlines by. */
export async function annotateSubmission(
  bytes: Uint8Array,
  check: Extract<SubmissionCheck, { status: 'checked' }>,
  asOf: string,
): Promise<AnnotatedCopy> {
  const copy = await annotateWorkbook(bytes, { ...check, checkedAt: asOf });
  return { fileName: annotatedFileName(check.file), bytes: copy.bytes, marked: copy.marked, note: annotatedNote(copy.marked) };
}
