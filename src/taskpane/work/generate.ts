/** 生成台账 in the page: the same use case as `taizhang generate`, so the same workbook. */
import { generateLedger as generate } from '../../app/generate-ledger.js';
import type { Issue } from '../../core/model.js';
import { loadPagePlan, type PickedFile, type PlanReadingChoice } from './plan.js';

export type GenerateResult =
  | { ok: false; issues: Issue[] }
  | { ok: true; fileName: string; bytes: Uint8Array; issues: Issue[]; pillars: number; tasks: number };

export async function generateLedger(plan: PickedFile | undefined, unit: string, reading?: PlanReadingChoice): Promise<GenerateResult> {
  const loaded = await loadPagePlan(plan, reading);
  // As in the CLI: a plan with errors gives no ledger; warnings are shown next to the download.
  if (loaded.errors > 0) return { ok: false, issues: loaded.issues };
  const made = await generate(loaded.plan, unit);
  // Plan texts cut to fit an Excel cell are warned of beside the download, with the plan's own warnings.
  return { ok: true, fileName: made.fileName, bytes: made.bytes, issues: [...loaded.issues, ...made.cut], pillars: made.pillars, tasks: made.tasks };
}
