/**
 * What the Excel pane needs from the plan: the ledger's spec (written into
 * the open workbook instead of rendered to a file) and the template index
 * (to validate the open workbook). Same reader and builder as the CLI.
 */
import { indexTemplate, type TemplateIndex } from '../../core/ledger/template-index.js';
import type { Issue } from '../../core/model.js';
import { buildTemplateSpec } from '../../core/template/build-spec.js';
import type { WorkbookSpec } from '../../core/workbook/spec.js';
import { loadPlan, taskCount, type PickedFile } from './plan.js';

export type LedgerSpecResult =
  | { ok: false; issues: Issue[] }
  | { ok: true; spec: WorkbookSpec; title: string; issues: Issue[]; pillars: number; tasks: number };

export type PlanIndexResult = { ok: false; issues: Issue[] } | { ok: true; index: TemplateIndex; title: string };

export async function ledgerSpec(plan: PickedFile | undefined, unit: string): Promise<LedgerSpecResult> {
  const loaded = await loadPlan(plan);
  if (loaded.errors > 0) return { ok: false, issues: loaded.issues };
  const trimmed = unit.trim();
  return {
    ok: true,
    spec: buildTemplateSpec(loaded.plan, trimmed ? { unit: trimmed } : {}),
    title: loaded.plan.title,
    issues: loaded.issues,
    pillars: loaded.plan.pillars.length,
    tasks: taskCount(loaded),
  };
}

export async function planIndex(plan: PickedFile | undefined): Promise<PlanIndexResult> {
  const loaded = await loadPlan(plan);
  if (loaded.errors > 0) return { ok: false, issues: loaded.issues };
  return { ok: true, index: indexTemplate(loaded.plan), title: loaded.plan.title };
}
