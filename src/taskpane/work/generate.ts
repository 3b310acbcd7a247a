/** 生成台账 in the page: the same use case as `taizhang generate`, so the same workbook. */
import { carryForwardLedger } from '../../app/carry-forward-ledger.js';
import { generateLedger as generate } from '../../app/generate-ledger.js';
import type { Issue } from '../../core/model.js';
import { loadPagePlan, type PickedFile, type PlanReadingChoice } from './plan.js';

/** What 用上期台账生成本期台账 did: the previous file's name, and the counts of `carriedPhrase`. */
export interface CarriedSummary {
  from: string;
  tasks: number;
  extras: number;
  leftOut: number;
}

export type GenerateResult =
  | { ok: false; issues: Issue[]; refused?: { file: string; issue: Issue } }
  | { ok: true; fileName: string; bytes: Uint8Array; issues: Issue[]; pillars: number; tasks: number; carried?: CarriedSummary };

/** `previous`: the school's ledger of the last round, carried into this one (用上期台账生成本期台账). */
export async function generateLedger(plan: PickedFile | undefined, unit: string, reading?: PlanReadingChoice, previous?: PickedFile): Promise<GenerateResult> {
  const loaded = await loadPagePlan(plan, reading);
  // As in the CLI: a plan with errors gives no ledger; warnings are shown next to the download.
  if (loaded.errors > 0) return { ok: false, issues: loaded.issues };
  if (previous) {
    const result = await carryForwardLedger(loaded.plan, previous, { unit });
    if (!result.ok) return { ok: false, issues: [], refused: { file: previous.name, issue: result.issue } };
    const made = result.ledger;
    const carried = { from: previous.name, tasks: made.carriedTasks, extras: made.carriedExtras, leftOut: made.leftOut };
    return { ok: true, fileName: made.fileName, bytes: made.bytes, issues: [...loaded.issues, ...made.issues, ...made.cut], pillars: made.pillars, tasks: made.tasks, carried };
  }
  const made = await generate(loaded.plan, unit);
  // Plan texts cut to fit an Excel cell are warned of beside the download, with the plan's own warnings.
  return { ok: true, fileName: made.fileName, bytes: made.bytes, issues: [...loaded.issues, ...made.cut], pillars: made.pillars, tasks: made.tasks };
}
