/**
 * 下载各校反馈 in the page: every feedback file in one .zip. The .xlsx files
 * are zips already, so they are stored, not deflated again; names are UTF-8
 * (flagged so), which Windows' own zip folder and WinRAR read as Chinese.
 */
import { zipSync, type Zippable } from 'fflate';
import type { FeedbackOutput } from './feedback.js';

/** Every entry gets the same time, so the same feedback gives the same bytes. */
const FIXED_TIME = new Date(2024, 0, 1);

export function feedbackZip(outputs: readonly FeedbackOutput[]): Uint8Array {
  const entries: Zippable = {};
  for (const output of outputs) entries[output.name] = [output.bytes, { level: /\.xlsx$/i.test(output.name) ? 0 : 6, mtime: FIXED_TIME }];
  return zipSync(entries);
}
