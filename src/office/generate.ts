/**
 * 生成台账 and 写入汇总 inside Excel: the pane's entry points for writing.
 */
import type { TemplateSpec } from '../core/template/spec-types.js';
import { detectCapabilities, type Capabilities } from './capabilities.js';
import type { OfficeEnv } from './env.js';
import { writeSpecToExcel, type WriteOptions, type WriteResult } from './write-spec.js';

/** exceljs (about 1 MB) is loaded only when a 1.13 Excel actually inserts a rendered workbook. */
async function renderOnDemand(spec: TemplateSpec): Promise<Uint8Array> {
  const { renderWorkbook } = await import('../xlsx/render-workbook.js');
  return renderWorkbook(spec);
}

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
  spec: TemplateSpec,
  env: OfficeEnv,
  options: ActionOptions & Partial<Omit<WriteOptions, 'preferInsert'>> = {},
): Promise<WriteResult> {
  const caps = options.caps ?? detectCapabilities(env);
  return writeSpecToExcel(spec, env, caps, { render: renderOnDemand, ...options, preferInsert: true });
}

/**
 * Writes the summary (any TemplateSpec) through range APIs, in request
 * batches that stay under Excel on the web's 5 MB limit: one sync per batch,
 * so the sync count grows with the data's size in MB, never with its rows.
 */
export function writeSummaryToExcel(
  spec: TemplateSpec,
  env: OfficeEnv,
  options: ActionOptions & Partial<Omit<WriteOptions, 'preferInsert' | 'render'>> = {},
): Promise<WriteResult> {
  const caps = options.caps ?? detectCapabilities(env);
  return writeSpecToExcel(spec, env, caps, { ...options, preferInsert: false });
}
