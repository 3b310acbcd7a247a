/**
 * Use case: the 通报 draft. A roll-up (its figures mapped by briefing-input.ts),
 * or a BriefingInput made some other way, becomes the 工作要点落实情况通报 as
 * .docx bytes, with its file name. The CLI, the demo and the page all call
 * `writeRollupBriefing`.
 */
import { safeFileName } from '../core/file-names.js';
import type { Plan } from '../core/model.js';
import type { Rollup } from '../core/rollup/types.js';
import type { RoundChanges } from '../core/summary/round-changes.js';
import { briefingInput } from './briefing-input.js';
import { buildBriefing, type Briefing, type BriefingInput } from '../core/report/briefing.js';
import { writeBriefingDocx } from '../docx/write-briefing.js';

export interface WrittenBriefing {
  briefing: Briefing;
  bytes: Uint8Array;
  /** `<plan title>-通报-<as-of>.docx`. */
  fileName: string;
}

export async function writeBriefing(input: BriefingInput): Promise<WrittenBriefing> {
  const briefing = buildBriefing(input);
  return { briefing, bytes: await writeBriefingDocx(briefing), fileName: `${safeFileName(input.planTitle)}-通报-${input.asOf}.docx` };
}

/** The 通报 draft of a roll-up; the plan gives the 发文机关 for the 落款; `changes` (since the previous round) add 与上期相比. */
export function writeRollupBriefing(rollup: Rollup, plan: Pick<Plan, 'header'>, changes?: RoundChanges): Promise<WrittenBriefing> {
  return writeBriefing(briefingInput(rollup, plan, changes));
}
