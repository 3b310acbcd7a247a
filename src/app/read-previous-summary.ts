/**
 * Use case: read last round's summary (`--previous 上期汇总.xlsx`) back into
 * its round record, so this round's summary can say what changed and carry
 * the trend forward. Only our own summary of the same plan is taken: anything
 * else is refused as data with its code, never thrown. Only the marker sheet
 * is parsed, so a province's summary of 20,000 schools reads quickly.
 */
import { describeIssue, issue } from '../core/issues.js';
import { indexTemplate } from '../core/ledger/template-index.js';
import type { Issue, Plan } from '../core/model.js';
import { readRoundData, type SummaryData } from '../core/summary/round-data.js';
import { SUMMARY_MARKER_SHEET_NAME } from '../core/template/constants.js';
import { readWorkbook, type ReadPlatform } from '../xlsx/read/index.js';
import type { InputFile } from './input-file.js';

export type PreviousSummary = { ok: true; data: SummaryData } | { ok: false; issue: Issue };

/** A summary is larger than a school's ledger: a province's may pass the ledger's 20 MB. */
const PREVIOUS_MAX_BYTES = 200 * 1024 * 1024;

/** `plan`: this round's plan; a summary of any other plan is refused. */
export function readPreviousSummary(file: InputFile, plan: Plan, platform: ReadPlatform = {}): PreviousSummary {
  const templateId = indexTemplate(plan).templateId;
  const where = { file: file.name };
  const read = readWorkbook(file.bytes, {
    fileName: file.name,
    ...platform,
    // The record of 20,000 schools × 30 tasks is about 6.5 million characters, all in the one sheet read.
    limits: { maxFileBytes: PREVIOUS_MAX_BYTES, maxTotalUncompressedBytes: 4 * PREVIOUS_MAX_BYTES, maxEntryBytes: 2 * PREVIOUS_MAX_BYTES, maxTextChars: 50_000_000 },
    onlySheets: (name) => name === SUMMARY_MARKER_SHEET_NAME,
  });
  if (!read.ok) return { ok: false, issue: issue('ROUND_PREVIOUS_UNREADABLE', 'error', where, { file: file.name, reason: describeIssue(read.issue) }) };
  const marker = read.workbook.sheets.find((s) => s.name === SUMMARY_MARKER_SHEET_NAME);
  const mark = marker?.cells.find((c) => c.row === 1 && c.col === 1)?.value;
  if (!marker || mark !== 'taizhang summary') return { ok: false, issue: issue('ROUND_PREVIOUS_NOT_SUMMARY', 'error', where, { file: file.name }) };
  const foundId = String(marker.cells.find((c) => c.row === 1 && c.col === 2)?.value ?? '');
  const data = readRoundData(marker, foundId);
  if (foundId !== templateId) {
    return { ok: false, issue: issue('ROUND_PREVIOUS_OTHER_PLAN', 'error', where, { file: file.name, planTitle: data?.planTitle || foundId }) };
  }
  if (!data) return { ok: false, issue: issue('ROUND_PREVIOUS_NO_ROUNDS', 'error', where, { file: file.name }) };
  return { ok: true, data };
}
