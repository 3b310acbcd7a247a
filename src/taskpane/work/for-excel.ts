/**
 * What the Excel pane needs from the plan: the ledger's spec (written into
 * the open workbook instead of rendered to a file) and the plan itself (to
 * check the open workbook). Same use cases as the CLI.
 */
import { ledgerSpec as specOf } from '../../app/generate-ledger.js';
import type { Issue, Plan } from '../../core/model.js';
import type { WorkbookSpec } from '../../core/workbook/spec.js';
import { loadPagePlan, type PickedFile, type PlanReadingChoice } from './plan.js';

export type LedgerSpecResult =
  | { ok: false; issues: Issue[] }
  | { ok: true; spec: WorkbookSpec; title: string; issues: Issue[]; pillars: number; tasks: number };

export type PlanResult = { ok: false; issues: Issue[] } | { ok: true; plan: Plan; title: string };

export async function ledgerSpec(plan: PickedFile | undefined, unit: string, reading?: PlanReadingChoice): Promise<LedgerSpecResult> {
  const loaded = await loadPagePlan(plan, reading);
  if (loaded.errors > 0) return { ok: false, issues: loaded.issues };
  const made = specOf(loaded.plan, unit);
  return { ok: true, spec: made.spec, title: loaded.plan.title, issues: loaded.issues, pillars: made.pillars, tasks: made.tasks };
}

export async function pickedPlan(plan: PickedFile | undefined, reading?: PlanReadingChoice): Promise<PlanResult> {
  const loaded = await loadPagePlan(plan, reading);
  if (loaded.errors > 0) return { ok: false, issues: loaded.issues };
  return { ok: true, plan: loaded.plan, title: loaded.plan.title };
}
