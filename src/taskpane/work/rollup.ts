/**
 * 汇总 in the page: every school file through `checkSubmission` (as the CLI
 * does), then `rollUp`. Files are checked one at a time with a pause between
 * them, so a roll-up of a whole district keeps the page responsive and the
 * progress bar moving.
 */
import { indexTemplate } from '../../core/ledger/template-index.js';
import type { WorkbookSpec } from '../../core/workbook/spec.js';
import type { Issue } from '../../core/model.js';
import { rollUp, type Rollup, type SubmissionInput } from '../../core/rollup/roll-up.js';
import { accountingLines, buildSummarySpec } from '../../core/summary/build-summary.js';
import { checkSubmission } from '../../xlsx/check-submission.js';
import { renderWorkbook } from '../../xlsx/render-workbook.js';
import { readRoster } from '../../xlsx/roster.js';
import { loadPlan, safeFileName, type PickedFile } from './plan.js';

export type RollupRun =
  | { kind: 'plan-errors'; issues: Issue[] }
  | {
      kind: 'done';
      rollup: Rollup;
      /** The 数据核对 lines, exactly as the CLI prints them and the summary's sheet shows them. */
      lines: [string, number, string][];
      /** The summary's sheets as a spec: what Excel mode writes into the open workbook. */
      summarySpec: () => WorkbookSpec;
      /** The summary workbook (`taizhang rollup -o`), rendered when asked. */
      summary: () => Promise<{ fileName: string; bytes: Uint8Array }>;
    };

/** Lets the browser paint and handle input between two files. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function rollUpFiles(
  plan: PickedFile | undefined,
  files: readonly PickedFile[],
  roster: PickedFile | undefined,
  asOf: string,
  onProgress: (done: number, total: number, file: string) => void,
): Promise<RollupRun> {
  const loaded = await loadPlan(plan);
  if (loaded.errors > 0) return { kind: 'plan-errors', issues: loaded.issues };
  const index = indexTemplate(loaded.plan);
  const inputs: SubmissionInput[] = [];
  for (const [i, file] of files.entries()) {
    onProgress(i, files.length, file.name);
    await pause();
    const check = checkSubmission(file.bytes, file.name, index, { asOf });
    const fileTime = file.lastModified !== undefined ? new Date(file.lastModified).toISOString() : undefined;
    inputs.push({
      file: file.name,
      ...(fileTime ? { fileTime } : {}),
      result:
        check.status === 'refused'
          ? { status: 'refused', issue: check.issue }
          : { status: 'checked', ledger: check.ledger, issues: check.issues, date1904: check.workbook.date1904 },
    });
  }
  onProgress(files.length, files.length, '');
  await pause();
  const names = roster ? readRoster(roster.bytes, roster.name) : undefined;
  const rollup = rollUp(inputs, index, { asOf, ...(names ? { roster: names } : {}) });
  return {
    kind: 'done',
    rollup,
    lines: accountingLines(rollup.accounting),
    summarySpec: () => buildSummarySpec(rollup, index),
    summary: async () => ({ fileName: `${safeFileName(loaded.plan.title)}-汇总.xlsx`, bytes: await renderWorkbook(buildSummarySpec(rollup, index)) }),
  };
}
