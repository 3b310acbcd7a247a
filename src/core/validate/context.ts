/**
 * What every rule module shares: the ledger, the plan index, the parsed rules,
 * and `report`, which applies the configured severity (or drops an `off`
 * rule) so rule modules never look at severities themselves.
 */
import { issue, type Params } from '../issues.js';
import type { Issue, Location } from '../model.js';
import type { Ledger, LedgerCell, LedgerRow } from '../ledger/ledger-types.js';
import type { TemplateIndex } from '../ledger/template-index.js';
import { columnLetter } from '../workbook/a1.js';
import type { ColumnKey } from '../template/constants.js';
import { VALIDATE_DEFAULT_SEVERITY, type ValidateCode } from './rule-codes.js';
import type { ValidationRules } from './rules.js';

/** Long cell texts are cut in messages: the clerk needs to recognise the cell, not reread it. */
const SHOWN_VALUE_CHARS = 40;

export function shown(text: string): string {
  const chars = [...text];
  return chars.length > SHOWN_VALUE_CHARS ? `${chars.slice(0, SHOWN_VALUE_CHARS).join('')}…` : text;
}

export interface Context {
  ledger: Ledger;
  index: TemplateIndex;
  rules: ValidationRules;
  asOf: string;
  date1904: boolean;
  /** Adds a problem at its configured severity (dropped when the rule is `off`, or already reported word for word). */
  report(code: ValidateCode, where: Location, params: Params): void;
  issues: Issue[];
}

export function makeContext(base: Omit<Context, 'report' | 'issues'>): Context {
  const issues: Issue[] = [];
  // A value merged over a task and the rows inserted under it is every row's value: a problem with it would
  // otherwise be reported once per row, word for word (same task, same cell). One problem, one report.
  const reported = new Set<string>();
  return {
    ...base,
    issues,
    report(code, where, params) {
      const severity = base.rules.severity[code] ?? VALIDATE_DEFAULT_SEVERITY[code];
      if (severity === 'off') return;
      const key = JSON.stringify([code, where.sheet, where.cell, where.taskId, params]);
      if (reported.has(key)) return;
      reported.add(key);
      issues.push(issue(code, severity, where, params));
    },
  };
}

/** The A1 address of a column on a row of a ledger sheet; undefined when the sheet has no such column. */
export function addressOf(ctx: Context, sheet: string, row: number, key: ColumnKey): string | undefined {
  const col = ctx.ledger.sheets.find((s) => s.name === sheet)?.columns[key];
  return col === undefined ? undefined : `${columnLetter(col)}${row}`;
}

/** Where a problem with `key` on `row` is: the cell when it exists, else where it would be, else the row's task. */
export function whereOf(ctx: Context, row: LedgerRow, key: ColumnKey, cell?: LedgerCell): Location {
  const address = cell?.address ?? addressOf(ctx, row.sheet, row.row, key);
  return { sheet: cell?.sheet ?? row.sheet, ...(address ? { cell: address } : {}), ...(row.taskId ? { taskId: row.taskId } : {}) };
}
