/**
 * validateLedger: a filled-in ledger → every problem a bureau would send back
 * to the school, as `Issue` data (never thrown), sorted the way a clerk walks
 * the workbook: sheet by sheet, row by row, left to right.
 */
import { isoParts } from '../calendar.js';
import { TaizhangError } from '../issues.js';
import type { Issue } from '../model.js';
import type { Ledger } from '../ledger/ledger-types.js';
import type { TemplateIndex } from '../ledger/template-index.js';
import { parseCellRef } from '../workbook/a1.js';
import { INSTRUCTIONS_SHEET_NAME } from '../template/constants.js';
import { makeContext } from './context.js';
import { checkInfo } from './info-rules.js';
import { checkRows } from './row-rules.js';
import { defaultRules } from './default-rules.js';
import type { ValidationRules } from './rules.js';
import { checkStructure } from './structure-rules.js';
import { checkText } from './text-rules.js';

// The zod schema (`ValidationRules`) is in rules.js: the checks themselves do not load zod.
export { defaultRules } from './default-rules.js';
export { VALIDATE_CODES, VALIDATE_DEFAULT_SEVERITY, type ValidateCode } from './rule-codes.js';
export type { ValidationRules } from './rules.js';

export interface ValidateOptions {
  /** Parsed rules (`ValidationRules.parse(json)`); the defaults when absent. */
  rules?: ValidationRules;
  /** Today, `YYYY-MM-DD`: deadlines before it are overdue. Passed in so results never depend on the clock. */
  asOf: string;
  /** The workbook's date system, for 完成时限 typed as bare serial numbers. */
  date1904?: boolean;
}

/** Row and column of an A1 address; issues without a cell sort first (0, 0). */
function splitAddress(address: string | undefined): { row: number; col: number } {
  return (address ? parseCellRef(address) : undefined) ?? { row: 0, col: 0 };
}

/** 填报说明 first, then the pillar sheets in workbook order, then anything else; sheet-wide issues (no cell) first within a sheet. */
export function sortIssues(issues: Issue[], sheetOrder: string[]): Issue[] {
  const rank = (sheet: string | undefined) =>
    sheet === INSTRUCTIONS_SHEET_NAME ? -1 : sheet !== undefined && sheetOrder.includes(sheet) ? sheetOrder.indexOf(sheet) : sheetOrder.length;
  const keyed = issues.map((item, i) => ({ item, i, sheet: rank(item.where.sheet), ...splitAddress(item.where.cell) }));
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col || a.i - b.i);
  return keyed.map((k) => k.item);
}

export function validateLedger(ledger: Ledger, index: TemplateIndex, options: ValidateOptions): Issue[] {
  // A bad asOf is the caller's bug, not the school's problem.
  if (!isoParts(options.asOf)) throw new TaizhangError('FAULT_USAGE', { detail: `核对日期“${options.asOf}”不是 YYYY-MM-DD 格式的日期` });
  const ctx = makeContext({
    ledger,
    index,
    rules: options.rules ?? defaultRules,
    asOf: options.asOf,
    date1904: options.date1904 ?? false,
  });
  checkInfo(ctx);
  checkStructure(ctx);
  checkRows(ctx);
  checkText(ctx);
  return sortIssues(ctx.issues, ledger.sheets.map((s) => s.name));
}
