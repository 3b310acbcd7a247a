/** 生成台账 in the page: the same spec and renderer as `taizhang generate`, so the same workbook. */
import type { Issue } from '../../core/model.js';
import { buildTemplateSpec } from '../../core/template/build-spec.js';
import { renderWorkbook } from '../../xlsx/render-workbook.js';
import { loadPlan, safeFileName, taskCount, type PickedFile } from './plan.js';

export type GenerateResult =
  | { ok: false; issues: Issue[] }
  | { ok: true; fileName: string; bytes: Uint8Array; issues: Issue[]; pillars: number; tasks: number };

export async function generateLedger(plan: PickedFile | undefined, unit: string): Promise<GenerateResult> {
  const loaded = await loadPlan(plan);
  // As in the CLI: a plan with errors gives no ledger; warnings are shown next to the download.
  if (loaded.errors > 0) return { ok: false, issues: loaded.issues };
  const trimmed = unit.trim();
  const spec = buildTemplateSpec(loaded.plan, trimmed ? { unit: trimmed } : {});
  return {
    ok: true,
    fileName: `${safeFileName(loaded.plan.title)}-台账.xlsx`,
    bytes: await renderWorkbook(spec),
    issues: loaded.issues,
    pillars: loaded.plan.pillars.length,
    tasks: taskCount(loaded),
  };
}
