/**
 * The round a summary belongs to, as the summary shows it: its label in the
 * title, 本期变化 when the previous round was given, 进度趋势 from the second
 * round on, and the record (round-data.ts) the next round reads back.
 */
import type { TemplateIndex } from '../ledger/template-index.js';
import type { Rollup } from '../rollup/types.js';
import type { RowSpec, SheetSpec, StreamedRows } from '../workbook/spec.js';
import { roundChanges, type RoundChanges } from './round-changes.js';
import { roundChangesSheet } from './round-changes-sheet.js';
import { roundDataRows, roundSchoolColumns, roundSchoolRows, type SummaryData } from './round-data.js';
import { progressTexts, roundRecord } from './round-history.js';
import { defaultRoundLabel } from './round-label.js';
import { trendSheet } from './trend-sheet.js';

export interface SummaryRounds {
  /** This round, with the rounds before it carried forward. */
  record: SummaryData;
  /** Against the previous round, when one was given. */
  changes?: RoundChanges;
}

/** This round from the roll-up; `previous` is the last round's summary as read back (read-previous-summary). */
export function summaryRounds(rollup: Rollup, index: TemplateIndex, label = defaultRoundLabel(rollup.asOf), previous?: SummaryData): SummaryRounds {
  const record = roundRecord(rollup, index.templateId, label, previous);
  return { record, ...(previous ? { changes: roundChanges(previous, record) } : {}) };
}

/** `…工作要点 汇总（2024年第三季度）`. */
export function summaryTitle(planTitle: string, label: string): string {
  return `${planTitle} 汇总（${label}）`;
}

export function roundSheets(rollup: Rollup, rounds: SummaryRounds): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  if (rounds.changes) {
    const labels = new Map(rollup.tasks.map((t) => [t.id, `${t.pillarNumeral}、${t.no}. ${t.title}`]));
    // Only the texts the sheet shows: the tasks that changed.
    const texts = progressTexts(rollup, new Set(rounds.changes.tasks.map((c) => `${c.school}\u0000${c.taskId}`)));
    sheets.push(roundChangesSheet(rollup.planTitle, rounds.changes, labels, (school, taskId) => texts.get(`${school}\u0000${taskId}`) ?? ''));
  }
  if (rounds.record.rounds.length > 1) sheets.push(trendSheet(rounds.record));
  return sheets;
}

/** The record's rows, under the marker's own first row. */
export function roundMarkerRows(rounds: SummaryRounds, style: string): RowSpec[] {
  return roundDataRows(rounds.record, 2, style);
}

/** The same rows for a streamed sheet: the few head rows held, the schools' rows made while it is written. */
export function streamedRoundMarker(rounds: SummaryRounds, style: string): { rows: RowSpec[]; streamed: StreamedRows } {
  const rows = roundDataRows(rounds.record, 2, style, false);
  const first = 2 + rows.length;
  const record = rounds.record;
  return { rows, streamed: { first, count: record.schools.length, columns: roundSchoolColumns(record), rows: () => roundSchoolRows(record, first, style) } };
}
