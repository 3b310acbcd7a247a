/**
 * Use case: 汇总. Checked submissions (from `makeChecker`, however the front
 * end got the files: threads, the page's loop) and an optional roster become
 * the roll-up, its 数据核对 lines and the summary workbook, as a spec (what
 * the add-ins write into the open workbook) or as .xlsx bytes (what the CLI
 * and the page save).
 */
import { appendAll } from '../core/arrays.js';
import { summaryFileName } from '../core/file-names.js';
import { indexTemplate } from '../core/ledger/template-index.js';
import type { Issue, Plan } from '../core/model.js';
import { problemRows } from '../core/rollup/detail-rows.js';
import { rollUp } from '../core/rollup/roll-up.js';
import type { Rollup, RollupOptions, SubmissionInput, SubmissionSource } from '../core/rollup/roll-up.js';
import { accountingLines, buildSummarySpec } from '../core/summary/build-summary.js';
import type { WorkbookSpec } from '../core/workbook/spec.js';
import { renderWorkbook, type RenderOptions } from '../xlsx/render-workbook.js';

export interface RolledUp {
  rollup: Rollup;
  /** The 数据核对 lines, exactly as the CLI prints them and the summary's sheet shows them. */
  lines: [string, number, string][];
  /** `<plan title>-汇总-<as-of date>.xlsx`. */
  fileName: string;
  /** The summary's sheets, built when asked. */
  summarySpec(): WorkbookSpec;
  /**
   * The summary workbook; `render` is the platform's deflate and CRC-32 (portable ones by default).
   * A text too long for one Excel cell is cut to fit, and each cut joins `rollup.problems` and `cut`.
   */
  renderSummary(render?: RenderOptions): Promise<Uint8Array>;
  /** The cuts of the last `renderSummary`. */
  cut: Issue[];
}

/** `inputs`: in memory, or a source loading each file when its school is reached (the CLI's spool). `pace`: the rules file's 红/黄/绿 rules; `sortBy`: the order of schools in 汇总 (roster by default). */
export function rollUpSubmissions(inputs: readonly SubmissionInput[] | SubmissionSource, plan: Plan, options: RollupOptions): RolledUp {
  const index = indexTemplate(plan);
  const rollup = rollUp(inputs, index, options);
  const summarySpec = (): WorkbookSpec => buildSummarySpec(rollup, index);
  const rolled: RolledUp = {
    rollup,
    lines: accountingLines(rollup.accounting),
    fileName: summaryFileName(plan.title, options.asOf),
    summarySpec,
    cut: [],
    async renderSummary(render = {}) {
      const cut: Issue[] = [];
      // 明细 and 问题清单 stream their rows into the file: their cells are never all held at once.
      const bytes = await renderWorkbook(buildSummarySpec(rollup, index, { stream: true }), { ...render, onIssue: (item) => (cut.push(item), render.onIssue?.(item)) });
      rolled.cut = cut;
      appendAll(rollup.problems, problemRows('', '', cut));
      return bytes;
    },
  };
  return rolled;
}
