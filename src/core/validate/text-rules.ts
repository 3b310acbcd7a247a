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
import type { ValidationRules } from './rules.js';

const DASH_ONLY = /^[-－—–‐\s]+$/;
/** Prefixes that are whitespace are checked on the raw text: trimming (as `text` is) removes them. */
const WHITESPACE_PREFIX = /^\s+$/;

interface Prefixes {
  /** Whitespace prefixes, looked for in the raw value. */
  raw: string[];
  /** The others, looked for in the trimmed text. */
  trimmed: string[];
}

/** The rules' prefixes sorted once per ledger, not once per cell. */
function prefixesOf(rules: ValidationRules): Prefixes {
  const sets: Prefixes = { raw: [], trimmed: [] };
  for (const prefix of rules.formulaPrefixes) (WHITESPACE_PREFIX.test(prefix) ? sets.raw : sets.trimmed).push(prefix);
  return sets;
}

function suspicious(cell: LedgerCell, ctx: Context, { raw, trimmed }: Prefixes): boolean {
  if (cell.type !== 'string' || typeof cell.value !== 'string') return false;
  const value = cell.value;
  const text = cell.text;
  if (!raw.some((prefix) => value.startsWith(prefix)) && !trimmed.some((prefix) => text.startsWith(prefix))) return false;
  // Only text that looks like a formula is worth the dash-only test.
  return !(ctx.rules.allowDashOnly && DASH_ONLY.test(text) && text !== '');
}

function report(ctx: Context, cell: LedgerCell, where: Location): void {
  // Tabs and CRs are invisible: show them so the clerk can find them.
  const value = shown((cell.value as string).replace(/\t/g, '⇥').replace(/\r/g, '↵'));
  ctx.report('VALIDATE_FORMULA_PREFIX', where, { value });
}

export function checkText(ctx: Context): void {
  const prefixes = prefixesOf(ctx.rules);
  for (const cell of Object.values(ctx.ledger.info)) {
    if (cell && suspicious(cell, ctx, prefixes)) report(ctx, cell, { sheet: cell.sheet, cell: cell.address });
  }
  for (const row of ctx.ledger.rows) {
    for (const cell of Object.values(row.cells)) {
      // The location is built only for a cell that is reported: most are not.
      if (cell && suspicious(cell, ctx, prefixes)) report(ctx, cell, { sheet: cell.sheet, cell: cell.address, ...(row.taskId ? { taskId: row.taskId } : {}) });
    }
  }
}
