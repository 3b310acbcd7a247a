/** 校验 in the page: `taizhang validate` with `-o`, on bytes the user picked, through the same use cases. */
import { annotateSubmission, type AnnotatedCopy } from '../../app/annotate-submission.js';
import { checkAgainstPlan } from '../../app/check-submission.js';
import type { Issue } from '../../core/model.js';
import { loadPagePlan, type PickedFile, type PlanReadingChoice } from './plan.js';

export type ValidateResult =
  | { ok: false; issues: Issue[] }
  | { ok: true; status: 'refused'; planTitle: string; issue: Issue }
  | { ok: true; status: 'checked'; planTitle: string; issues: Issue[]; annotate: () => Promise<AnnotatedCopy> };

export async function validateFile(plan: PickedFile | undefined, file: PickedFile, asOf: string, reading?: PlanReadingChoice): Promise<ValidateResult> {
  const loaded = await loadPagePlan(plan, reading);
  if (loaded.errors > 0) return { ok: false, issues: loaded.issues };
  const check = checkAgainstPlan(loaded.plan, file, { asOf });
  if (check.status === 'refused') return { ok: true, status: 'refused', planTitle: loaded.plan.title, issue: check.issue };
  return {
    ok: true,
    status: 'checked',
    planTitle: loaded.plan.title,
    issues: check.issues,
    // Built only when asked: the copy is the slow part.
    annotate: () => annotateSubmission(file.bytes, check, asOf),
  };
}
