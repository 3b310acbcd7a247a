/** 校验 in the page: `taizhang validate` with `-o`, on bytes the user picked. */
import { indexTemplate } from '../../core/ledger/template-index.js';
import type { Issue } from '../../core/model.js';
import { annotateWorkbook } from '../../xlsx/annotate.js';
import { checkSubmission, type SubmissionCheck } from '../../xlsx/check-submission.js';
import { loadPlan, type PickedFile } from './plan.js';

export type ValidateResult =
  | { kind: 'plan-errors'; issues: Issue[] }
  | { kind: 'refused'; planTitle: string; issue: Issue }
  | { kind: 'checked'; planTitle: string; issues: Issue[]; annotate: () => Promise<{ fileName: string; bytes: Uint8Array; marked: boolean }> };

/** `学校台账.xlsx` → `学校台账-校验标注.xlsx`. */
export function annotatedName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')}-校验标注.xlsx`;
}

export async function validateFile(plan: PickedFile | undefined, file: PickedFile, asOf: string): Promise<ValidateResult> {
  const loaded = await loadPlan(plan);
  if (loaded.errors > 0) return { kind: 'plan-errors', issues: loaded.issues };
  const check: SubmissionCheck = checkSubmission(file.bytes, file.name, indexTemplate(loaded.plan), { asOf });
  if (check.status === 'refused') return { kind: 'refused', planTitle: loaded.plan.title, issue: check.issue };
  return {
    kind: 'checked',
    planTitle: loaded.plan.title,
    issues: check.issues,
    // Built only when asked: exceljs loading a large workbook is the slow part.
    annotate: async () => {
      const annotated = await annotateWorkbook(file.bytes, { ...check, checkedAt: asOf });
      return { fileName: annotatedName(file.name), bytes: annotated.bytes, marked: annotated.marked };
    },
  };
}
