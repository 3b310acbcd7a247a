/**
 * The WPS 表格 加载项 adapter: the only code that touches ET's object model.
 * Same spec (core/workbook/spec.ts) and same use cases as the Office adapter;
 * ET is synchronous, so each action runs to its end in one call and returns
 * plain data, never throwing a WPS error: failures are `{ ok: false, error }`.
 *
 *   const app = wpsAppFromGlobals();               // undefined outside WPS 表格
 *   generateInWps(spec, app);                      // 生成台账: new sheets, never over the user's
 *   readWpsSnapshot(app, templateSheets);          // 校验: the ledger's sheets as a snapshot (app checks it)
 *   markProblemsInWps(issues, app); clearMarksInWps(app); selectCellInWps(sheet, cell, app);
 *   writeSummaryToWps(summarySpec, app);           // 汇总
 */
import type { WorkbookSpec } from '../core/workbook/spec.js';
import type { EtApplication } from './et-types.js';
import { writeSpecToWps, type WpsWriteOptions, type WpsWriteResult } from './write-spec.js';

export type { EtApplication } from './et-types.js';
export { wpsAppFromGlobals } from './env.js';
export { clearMarksInWps, markProblemsInWps, selectCellInWps, type WpsMarkResult } from './marks.js';
export { readWpsSnapshot, type WpsReadResult } from './read-workbook.js';
export type { WpsFailure } from './wps-errors.js';
export type { WpsWriteResult } from './write-spec.js';

/** 生成台账: the ledger's sheets added to the open workbook. */
export function generateInWps(spec: WorkbookSpec, app: EtApplication, options: WpsWriteOptions = {}): WpsWriteResult {
  return writeSpecToWps(spec, app, options);
}

/** 汇总: the summary's sheets added to the open workbook (ET has no request size limit to split for). */
export function writeSummaryToWps(spec: WorkbookSpec, app: EtApplication, options: WpsWriteOptions = {}): WpsWriteResult {
  return writeSpecToWps(spec, app, options);
}
