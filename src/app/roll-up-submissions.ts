/**
 * Use case: 汇总. Checked submissions (from `makeChecker`, however the front
 * end got the files: threads, the page's loop) and an optional roster become
 * the roll-up, its 数据核对 lines and the summary workbook, as a spec (what
 * the add-ins write into the open workbook) or as .xlsx bytes (what the CLI
 * and the page save).
 */
import { appendAll, joinBytes } from '../core/arrays.js';
import { summaryFileName } from '../core/file-names.js';
import { indexTemplate } from '../core/ledger/template-index.js';
import type { Issue, Plan } from '../core/model.js';
import { problemRows } from '../core/rollup/detail-rows.js';
import { rollUp } from '../core/rollup/roll-up.js';
import type { Rollup, RollupOptions, SubmissionInput, SubmissionSource } from '../core/rollup/roll-up.js';
import { accountingLines, buildSummarySpec, summaryRounds, type SummaryRounds } from '../core/summary/build-summary.js';
import type { SummaryData } from '../core/summary/round-data.js';
import { roundLabel } from '../core/summary/round-label.js';
import type { WorkbookSpec } from '../core/workbook/spec.js';
import { renderWorkbookPieces, type RenderOptions } from '../xlsx/render-workbook.js';

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
  /** The same file as pieces to write one after another, never joined into one buffer (the CLI's province-sized summary). */
  renderSummaryPieces(render?: RenderOptions): Promise<Uint8Array[]>;
  /** The cuts of the last `renderSummary`. */
  cut: Issue[];
  /** This round: its label, the rounds carried forward, and what changed since `previous`. */
  rounds: SummaryRounds;
}

/** `round`: this round's label (`2024年第三季度`; from the as-of date when absent); `previous`: last round's summary, from `readPreviousSummary`. */
export interface RoundOptions {
  round?: string;
  previous?: SummaryData;
}

/** `inputs`: in memory, or a source loading each file when its school is reached (the CLI's spool). `pace`: the rules file's 红/黄/绿 rules; `sortBy`: the order of schools in 汇总 (roster by default). */
export function rollUpSubmissions(inputs: readonly SubmissionInput[] | SubmissionSource, plan: Plan, options: RollupOptions & RoundOptions): RolledUp {
  const index = indexTemplate(plan);
  const rollup = rollUp(inputs, index, options);
  // Built on first use: the record walks every detail row, which a caller that never writes the summary need not pay for.
  let rounds: SummaryRounds | undefined;
  const roundsOnce = (): SummaryRounds => (rounds ??= summaryRounds(rollup, index, roundLabel(options.round, options.asOf), options.previous));
  const summarySpec = (): WorkbookSpec => buildSummarySpec(rollup, index, roundsOnce());
  const rolled: RolledUp = {
    rollup,
    lines: accountingLines(rollup.accounting),
    fileName: summaryFileName(plan.title, options.asOf),
    summarySpec,
    cut: [],
    get rounds() {
      return roundsOnce();
    },
    async renderSummary(render = {}) {
      return joinBytes(await rolled.renderSummaryPieces(render));
    },
    async renderSummaryPieces(render = {}) {
      const cut: Issue[] = [];
      // 明细 and 问题清单 stream their rows into the file: their cells are never all held at once.
      const pieces = await renderWorkbookPieces(buildSummarySpec(rollup, index, roundsOnce(), { stream: true }), { ...render, onIssue: (item) => (cut.push(item), render.onIssue?.(item)) });
      rolled.cut = cut;
      appendAll(rollup.problems, problemRows('', '', cut));
      return pieces;
    },
  };
  return rolled;
}

