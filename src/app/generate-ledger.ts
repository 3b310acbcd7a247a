/**
 * Use case: 生成台账. The ledger's spec from a loaded plan (what the Excel and
 * WPS add-ins write into the open workbook), or the ledger as .xlsx bytes
 * (what the CLI and the page save): one spec, so every front end makes the same ledger.
 */
import { ledgerFileName } from '../core/file-names.js';
import type { Issue, Plan } from '../core/model.js';
import { buildTemplateSpec } from '../core/template/build-spec.js';
import type { LedgerPrefill } from '../core/template/prefill.js';
import type { WorkbookSpec } from '../core/workbook/spec.js';
import { renderWorkbook, type RenderOptions } from '../xlsx/render-workbook.js';
import { taskCount } from './load-plan.js';

export interface LedgerPlan {
  spec: WorkbookSpec;
  /** The file name to offer: `<plan title>-<unit>-台账.xlsx` (the unit when given). */
  fileName: string;
  pillars: number;
  tasks: number;
}

/** `unit` prefills 填报单位; blank is left for the school to fill. `prefill`: last round's values (see carry-forward-ledger). */
export function ledgerSpec(plan: Plan, unit = '', prefill?: LedgerPrefill): LedgerPlan {
  const trimmed = unit.trim();
  return {
    spec: buildTemplateSpec(plan, { ...(trimmed ? { unit: trimmed } : {}), ...(prefill ? { prefill } : {}) }),
    fileName: ledgerFileName(plan.title, trimmed || prefill?.cover?.unit),
    pillars: plan.pillars.length,
    tasks: taskCount(plan),
  };
}

export interface GeneratedLedger extends LedgerPlan {
  bytes: Uint8Array;
  /** Texts of the plan too long for one Excel cell, cut to fit: a warning each, naming the cell. */
  cut: Issue[];
}

/** `render`: the platform's deflate and CRC-32 (the CLI passes node:zlib's); portable ones by default. */
export async function generateLedger(plan: Plan, unit = '', render: RenderOptions = {}, prefill?: LedgerPrefill): Promise<GeneratedLedger> {
  const made = ledgerSpec(plan, unit, prefill);
  const cut: Issue[] = [];
  const bytes = await renderWorkbook(made.spec, { ...render, onIssue: (item) => (cut.push(item), render.onIssue?.(item)) });
  return { ...made, bytes, cut };
}
