/**
 * 生成台账 and 写入汇总 inside Excel: the pane's entry points for writing.
 * This pulls in exceljs (the shared renderer, about 1 MB): a pane that wants
 * a small first load should import src/office lazily.
 */
import { renderWorkbook } from '../xlsx/render-workbook.js';
import type { WorkbookSpec } from '../core/workbook/spec.js';
import { detectCapabilities, type Capabilities } from './capabilities.js';
import type { OfficeEnv } from './env.js';
import { writeSpecToExcel, type WriteOptions, type WriteResult } from './write-spec.js';

export interface ActionOptions {
  /** Known capabilities (tests, or the pane caching them); detected from `env` otherwise. */
  caps?: Capabilities;
}

/**
 * Adds the ledger's sheets to the open workbook. ExcelApi 1.13: the sheets
 * the shared renderer makes, inserted whole. Older Excel: built through range
 * APIs from the same spec, with what this Excel cannot do listed in `notes`.
 */
export function generateInExcel(
  spec: WorkbookSpec,
  env: OfficeEnv,
  options: ActionOptions & Partial<Omit<WriteOptions, 'preferInsert'>> = {},
): Promise<WriteResult> {
  const caps = options.caps ?? detectCapabilities(env);
  return writeSpecToExcel(spec, env, caps, { render: renderWorkbook, ...options, preferInsert: true });
}

/**
 * Writes the summary (any WorkbookSpec) through range APIs, in request
 * batches that stay under Excel on the web's 5 MB limit: one sync per batch,
 * so the sync count grows with the data's size in MB, never with its rows.
 */
export function writeSummaryToExcel(
  spec: WorkbookSpec,
  env: OfficeEnv,
  options: ActionOptions & Partial<Omit<WriteOptions, 'preferInsert' | 'render'>> = {},
): Promise<WriteResult> {
  const caps = options.caps ?? detectCapabilities(env);
  return writeSpecToExcel(spec, env, caps, { ...options, preferInsert: false });
}
