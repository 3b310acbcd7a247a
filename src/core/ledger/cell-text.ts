/** How a cell's content is compared and shown, whatever program wrote it. */
import type { CellSnapshot } from '../workbook-snapshot.js';
import type { LedgerCell } from './ledger-types.js';

/** Ordinary, no-break and full-width (U+3000) spaces, and zero-width marks that paste in from web pages. */
const EDGE_SPACE = /^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g;

export function trimText(text: string): string {
  return text.replace(EDGE_SPACE, '');
}

/** For matching titles and headers: no spaces at all, full-width letters/digits folded, final 。 dropped. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[。.]+$/, '');
}

function numberText(value: number): string {
  // 12-digit precision hides binary noise (0.1+0.2) the way Excel displays it.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/**
 * A copy of `text` that does not share memory with the string it was cut
 * from. Readers cut cell text out of whole decoded XML parts; JavaScript
 * engines keep such a slice pointing at the whole part, so a ledger kept for
 * a roll-up would hold every file's XML alive (measured: ~60 KB per file).
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

export function ledgerCell(sheet: string, cell: CellSnapshot): LedgerCell {
  const value = typeof cell.value === 'string' ? detached(cell.value) : cell.value;
  const base = { sheet, address: cell.address, type: cell.type, value, ...(cell.formula ? { formula: detached(cell.formula) } : {}) };
  if (cell.type === 'date' && cell.iso) return { ...base, text: cell.iso, iso: cell.iso };
  if (typeof cell.value === 'number') return { ...base, text: numberText(cell.value) };
  if (typeof cell.value === 'boolean') return { ...base, text: cell.value ? 'TRUE' : 'FALSE' };
  return { ...base, text: trimText(value as string) };
}

export function isBlank(cell: LedgerCell | undefined): boolean {
  return cell === undefined || cell.text === '';
}
