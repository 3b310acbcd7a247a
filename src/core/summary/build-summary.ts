/**
 * The bureau summary workbook as a WorkbookSpec, rendered like the ledger
 * (renderWorkbook). One sheet per file in this folder; every value a school
 * wrote goes in as a plain string, never as a formula.
 */
import type { TemplateIndex } from '../ledger/template-index.js';
import type { Rollup } from '../rollup/types.js';
import { type RowSpec, type SheetSpec, type WorkbookSpec } from '../workbook/spec.js';
import { SUMMARY_MARKER_SHEET_NAME, TEMPLATE_VERSION } from '../template/constants.js';
import { STYLES } from '../template/styles.js';
import { accountingSheet } from './accounting-sheet.js';
import { chartInput } from './chart-input.js';
import { chartSheet } from './chart-sheet.js';
import { changesSheet } from './changes-sheet.js';
import { chaseSheet } from './chase-sheet.js';
import { overdueSheet } from './overdue-sheet.js';
import { detailSheet } from './detail-sheet.js';
import { matrixSheets } from './matrix-sheet.js';
import { problemsSheet } from './problems-sheet.js';
import { roundMarkerRows, roundSheets, streamedRoundMarker, summaryRounds, summaryTitle, type SummaryRounds } from './round-sheets.js';
import { submissionsSheet } from './submissions-sheet.js';
import { SUMMARY_STYLES } from './summary-styles.js';
import { taskStatsSheet } from './task-stats-sheet.js';
import { withRoundInHeaders } from './round-page-header.js';

export { csvField, csvLine } from './csv.js';
export { accountingLines, ACCOUNTING_SHEET_NAME } from './accounting-sheet.js';
export { CHANGES_SHEET_NAME } from './changes-sheet.js';
export { CHASE_SHEET_NAME } from './chase-sheet.js';
export { OVERDUE_SHEET_NAME } from './overdue-sheet.js';
export { DETAIL_SHEET_NAME } from './detail-sheet.js';
export { MATRIX_MAX_WIDTH, MATRIX_SHEET_NAME } from './matrix-sheet.js';
export { PROBLEMS_SHEET_NAME } from './problems-sheet.js';
export { SUBMISSIONS_SHEET_NAME } from './submissions-sheet.js';
export { TASK_STATS_SHEET_NAME } from './task-stats-sheet.js';
export { ROUND_CHANGES_SHEET_NAME } from './round-changes-sheet.js';
export { TREND_SHEET_NAME } from './trend-sheet.js';
export { summaryRounds, type SummaryRounds } from './round-sheets.js';

/**
 * `rounds`: this round's label and, when given, the previous round (see round-sheets.ts); a label from the date by default.
 * `stream`: 报送情况, 汇总, 逾期清单, 明细 and 问题清单 make their rows while the .xlsx is written (for `renderWorkbook` only, see StreamedRows).
 */
export function buildSummarySpec(rollup: Rollup, index: TemplateIndex, rounds: SummaryRounds = summaryRounds(rollup, index), { stream = false }: { stream?: boolean } = {}): WorkbookSpec {
  const changes = changesSheet(rollup);
  const sheets: SheetSpec[] = [
    submissionsSheet(rollup, stream),
    ...matrixSheets(rollup, stream),
    // Native charts on their own printable page: completion by school, 红/黄/绿 by pillar.
    chartSheet(chartInput(rollup)),
    ...roundSheets(rollup, rounds),
    overdueSheet(rollup, stream),
    chaseSheet(rollup),
    taskStatsSheet(rollup),
    detailSheet(rollup, stream),
    problemsSheet(rollup, stream),
    ...(changes ? [changes] : []),
    accountingSheet(rollup),
    summaryMarker(index.templateId, rounds, stream),
  ];
  return {
    // The plan's id: the summary belongs to the same plan as the ledgers; the marker sheet keeps it from being read as one.
    templateId: index.templateId,
    templateVersion: TEMPLATE_VERSION,
    title: summaryTitle(rollup.planTitle, rounds.record.label),
    sheets: withRoundInHeaders(sheets, rounds.record.label, rollup.asOf),
    styles: { ...STYLES, ...SUMMARY_STYLES },
    definedNames: [],
    lockStructure: false,
  };
}

/**
 * Marks the workbook as a summary: a summary dropped into the folder of submissions is refused, not read as a school.
 * The rows under the mark are its round's record, which the next round's `--previous` reads back.
 */
function summaryMarker(templateId: string, rounds: SummaryRounds, stream: boolean): SheetSpec {
  const mark: RowSpec = { row: 1, cells: [{ col: 1, value: 'taizhang summary', style: 'meta' }, { col: 2, value: templateId, style: 'meta' }] };
  // Streamed, the schools' rows (a province's record) are made while the file is written, never all held.
  const record = stream ? streamedRoundMarker(rounds, 'meta') : { rows: roundMarkerRows(rounds, 'meta') };
  return {
    name: SUMMARY_MARKER_SHEET_NAME,
    kind: 'meta',
    state: 'veryHidden',
    // The round record: one unique text per school (a province's is 6 MB), read only by us.
    inlineStrings: true,
    columns: [],
    rows: [mark, ...record.rows],
    ...('streamed' in record ? { streamed: record.streamed } : {}),
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}
