/**
 * Use case: the 通报 draft. A BriefingInput (the front end or the roll-up
 * builds it from the Rollup) becomes the 工作要点落实情况通报 as .docx bytes,
 * with its file name.
 */
import { safeFileName } from '../core/file-names.js';
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
