/**
 * Workbook snapshot → ledger. Refuses (as data) a workbook that is not this
 * plan's ledger; otherwise returns every filled row with its source cell, and
 * says how the rows were found.
 */
import { appendAll } from '../arrays.js';
import { issue } from '../issues.js';
import type { Issue } from '../model.js';
import { SUMMARY_MARKER_SHEET_NAME, TEMPLATE_VERSION } from '../template/constants.js';
import type { WorkbookSnapshot } from '../workbook/snapshot.js';
import { extractInfo } from './extract-info.js';
import { extractRows } from './extract-rows.js';
import { findPillarSheets } from './find-sheets.js';
import type { Ledger, LedgerRow, LedgerSheet } from './ledger-types.js';
import { fitLedgerTexts } from './long-texts.js';
import { MergeFills } from './merged-cells.js';
import { readMeta } from './read-meta.js';
import type { TemplateIndex } from './template-index.js';

export type ExtractResult = { ok: true; ledger: Ledger; issues: Issue[] } | { ok: false; issue: Issue };

/** `otherPlan`: read a ledger of another plan too (carrying a round forward matches its rows itself) instead of refusing it. */
export function extractLedger(workbook: WorkbookSnapshot, index: TemplateIndex, file = '', options: { otherPlan?: boolean } = {}): ExtractResult {
  if (workbook.sheets.some((s) => s.name === SUMMARY_MARKER_SHEET_NAME)) {
    return { ok: false, issue: issue('LEDGER_IS_SUMMARY', 'error', { file }, { file }) };
  }
  const meta = readMeta(workbook);
  if (meta && meta.templateId !== index.templateId && !options.otherPlan) {
    return { ok: false, issue: issue('LEDGER_OTHER_PLAN', 'error', { file }, { file, planTitle: meta.planTitle || meta.templateId }) };
  }
  const issues: Issue[] = [];
  if (meta && meta.templateVersion > TEMPLATE_VERSION) {
    issues.push(issue('LEDGER_NEWER_TEMPLATE', 'warning', { file }, { file, found: meta.templateVersion, supported: TEMPLATE_VERSION }));
  }
  const search = findPillarSheets(workbook, index, meta);
  const found = [...search.found];
  const fills = new MergeFills();
  const rows: LedgerRow[] = [];
  for (const sheet of found) appendAll(rows, extractRows(sheet, index, fills));
  // An unplaced sheet that carries tasks no placed sheet has is a pillar sheet under a new name; one that
  // only repeats tasks already read is a copy, reported rather than read twice.
  const seen = new Set(rows.filter((r) => r.kind === 'task').map((r) => r.taskId));
  for (const candidate of search.unplaced) {
    const candidateRows = extractRows(candidate, index, fills);
    if (candidateRows.some((r) => r.kind === 'task' && !seen.has(r.taskId))) {
      found.push(candidate);
      appendAll(rows, candidateRows);
      for (const r of candidateRows) if (r.kind === 'task') seen.add(r.taskId);
    } else {
      issues.push(issue('LEDGER_EXTRA_SHEET', 'warning', { file, sheet: candidate.sheet.name }, { sheet: candidate.sheet.name }));
    }
  }
  if (fills.over) {
    const { sheet, cell, range } = fills.over;
    return { ok: false, issue: issue('LEDGER_TOO_MUCH_TEXT', 'error', { file, sheet, cell }, { file, sheet, cell, range, limit: fills.limit }) };
  }
  if (!meta && !rows.some((r) => r.kind === 'task')) {
    return { ok: false, issue: issue('LEDGER_NOT_TEMPLATE', 'error', { file }, { file }) };
  }
  if (!meta) issues.push(issue('LEDGER_MATCHED_BY_HEADERS', 'warning', { file }, { file }));

  // Report in tab order, whichever way each sheet was found.
  const tabOrder = new Map(workbook.sheets.map((sheet, i) => [sheet.name, i]));
  found.sort((a, b) => tabOrder.get(a.sheet.name)! - tabOrder.get(b.sheet.name)!);
  rows.sort((a, b) => tabOrder.get(a.sheet)! - tabOrder.get(b.sheet)! || a.row - b.row);
  const sheets: LedgerSheet[] = found.map((sheet) => {
    const pillarIndex = sheet.pillarIndex ?? mostCommonPillar(rows.filter((r) => r.sheet === sheet.sheet.name), index);
    const pillarNo = pillarIndex === undefined ? undefined : index.plan.pillars[pillarIndex]?.no;
    return { name: sheet.sheet.name, headerRow: sheet.headerRow, columns: sheet.columns, ...(pillarNo !== undefined ? { pillarNo } : {}) };
  });
  const ledger: Ledger = {
    ...(meta ? { templateId: meta.templateId, templateVersion: meta.templateVersion } : {}),
    matchedBy: meta ? 'metadata' : 'headers',
    ...extractInfo(workbook),
    sheets,
    rows,
  };
  appendAll(issues, fitLedgerTexts(ledger, file));
  return { ok: true, ledger, issues };
}

function mostCommonPillar(rows: Ledger['rows'], index: TemplateIndex): number | undefined {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const pillarIndex = row.taskId ? index.tasksById.get(row.taskId)?.pillarIndex : undefined;
    if (pillarIndex !== undefined) counts.set(pillarIndex, (counts.get(pillarIndex) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}
