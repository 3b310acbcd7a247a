/** 查看识别结果: the plan's outline as taizhang read it (the same lines as `taizhang parse`), with its problems, before anything is made. */
import type { Issue } from '../../core/model.js';
import { outlineLines } from '../../core/report/plan-outline.js';
import { loadPagePlan, type PickedFile, type PlanReadingChoice } from './plan.js';

export interface PlanPreview {
  fileName: string;
  lines: string[];
  issues: Issue[];
  errors: number;
  /** The numbered levels below the pillars, when the clerk could choose among them. */
  levels: (2 | 3 | 4)[];
}

export async function previewPlan(plan: PickedFile | undefined, reading?: PlanReadingChoice): Promise<PlanPreview> {
  const loaded = await loadPagePlan(plan, reading);
  return {
    fileName: loaded.displayName,
    lines: outlineLines(loaded.plan, loaded.reading, 'page'),
    issues: loaded.issues,
    errors: loaded.errors,
    levels: loaded.reading?.levels ?? [],
  };
}
