/**
 * Text that would turn into a formula when a clerk copies it into another
 * workbook or the roll-up is opened as CSV: `=…`, `+…`, `-…`, `@…`, or a
 * leading tab / carriage return.
 *
 * Only text cells are looked at. A number cell (`-5`) is a number wherever it
 * goes, and a real formula cell is fine: the ledger holds its cached result,
 * which is what gets copied. Text made only of dashes (`-`, `--`, `—`) is the
 * usual way to write "none" and is left alone unless `allowDashOnly` is off.
 */
import type { LedgerCell } from '../ledger/ledger-types.js';
import type { Location } from '../model.js';
import { shown, type Context } from './context.js';

const DASH_ONLY = /^[-－—–‐\s]+$/;
/** Prefixes that are whitespace are checked on the raw text: trimming (as `text` is) removes them. */
const WHITESPACE_PREFIX = /^\s+$/;

function suspicious(cell: LedgerCell, ctx: Context): boolean {
  if (cell.type !== 'string' || typeof cell.value !== 'string') return false;
  if (ctx.rules.allowDashOnly && DASH_ONLY.test(cell.text) && cell.text !== '') return false;
  return ctx.rules.formulaPrefixes.some((prefix) =>
    WHITESPACE_PREFIX.test(prefix) ? (cell.value as string).startsWith(prefix) : cell.text.startsWith(prefix),
  );
}

function check(ctx: Context, cell: LedgerCell, where: Location): void {
  if (!suspicious(cell, ctx)) return;
  // Tabs and CRs are invisible: show them so the clerk can find them.
  const value = shown((cell.value as string).replace(/\t/g, '⇥').replace(/\r/g, '↵'));
  ctx.report('VALIDATE_FORMULA_PREFIX', where, { value });
}

export function checkText(ctx: Context): void {
  for (const cell of Object.values(ctx.ledger.info)) {
    if (cell) check(ctx, cell, { sheet: cell.sheet, cell: cell.address });
  }
  for (const row of ctx.ledger.rows) {
    for (const cell of Object.values(row.cells)) {
      if (cell) check(ctx, cell, { sheet: cell.sheet, cell: cell.address, ...(row.taskId ? { taskId: row.taskId } : {}) });
    }
  }
}
