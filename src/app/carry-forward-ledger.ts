/**
 * Use case: 用上期台账生成本期台账. A school's submission of the last round
 * and this round's plan → this round's ledger with what the school wrote
 * already in it (same template identity as the blank one, so the roll-up
 * takes it), and the list of what could not be carried. Never throws for a
 * bad file: one that cannot be read or is no ledger comes back refused.
 */
import { carryForward } from '../core/ledger/carry-forward.js';
import { extractLedger } from '../core/ledger/extract-ledger.js';
import { indexTemplate } from '../core/ledger/template-index.js';
import type { Issue, Plan } from '../core/model.js';
import { readWorkbook, type ReadPlatform } from '../xlsx/read/index.js';
import type { RenderOptions } from '../xlsx/render-workbook.js';
import { generateLedger, type GeneratedLedger } from './generate-ledger.js';
import type { InputFile } from './input-file.js';

export interface CarryOptions {
  /** 填报单位 to write instead of the one the previous file gives. */
  unit?: string;
  render?: RenderOptions;
  platform?: ReadPlatform;
}

export interface CarriedLedger extends GeneratedLedger {
  /** Whether the previous file was generated from this very plan (everything carries by task id). */
  samePlan: boolean;
  carriedTasks: number;
  carriedExtras: number;
  /** Rows of the previous file not carried, each with a warning in `issues`. */
  leftOut: number;
  /** Warnings from reading the previous file, then what was not carried. */
  issues: Issue[];
}

export type CarryResult = { ok: true; ledger: CarriedLedger } | { ok: false; issue: Issue };

export async function carryForwardLedger(plan: Plan, previous: InputFile, options: CarryOptions = {}): Promise<CarryResult> {
  const read = readWorkbook(previous.bytes, { fileName: previous.name, ...options.platform });
  if (!read.ok) return { ok: false, issue: read.issue };
  const index = indexTemplate(plan);
  const extracted = extractLedger(read.workbook, index, previous.name, { otherPlan: true });
  if (!extracted.ok) return { ok: false, issue: extracted.issue };
  const carried = carryForward(extracted.ledger, index, previous.name);
  const made = await generateLedger(plan, options.unit ?? '', options.render ?? {}, carried.prefill);
  return {
    ok: true,
    ledger: {
      ...made,
      samePlan: extracted.ledger.templateId === index.templateId,
      carriedTasks: carried.carriedTasks,
      carriedExtras: carried.carriedExtras,
      leftOut: carried.leftOut,
      issues: [...read.warnings, ...extracted.issues, ...carried.issues],
    },
  };
}
