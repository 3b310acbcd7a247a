/** How a cell's content is compared and shown, whatever program wrote it. */
import type { CellSnapshot } from '../workbook/snapshot.js';
import type { LedgerCell } from './ledger-types.js';
import { detached } from '../detached.js';
import { memoizeText } from '../memo.js';

/** Ordinary, no-break and full-width (U+3000) spaces, and zero-width marks that paste in from web pages. */
const EDGE_SPACE = /^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g;

/** The characters EDGE_SPACE matches: what `\s` matches (ECMAScript white space and line ends), plus U+200B. */
function isEdgeSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

export function trimText(text: string): string {
  // Most cells have nothing to trim: two character tests instead of a regular expression over the text.
  if (text === '' || (!isEdgeSpace(text.charCodeAt(0)) && !isEdgeSpace(text.charCodeAt(text.length - 1)))) return text;
  return text.replace(EDGE_SPACE, '');
}

/**
 * For matching titles and headers: no spaces at all, full-width letters/digits folded, final 。 dropped.
 * Memoised: every submission repeats the template's headers, labels and instructions (NFKC dominated extraction).
 */
export const matchKey: (text: string) => string = memoizeText((text) =>
  detached(
    text
      .normalize('NFKC')
      .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
      .replace(/[。.]+$/, ''),
  ),
);

function numberText(value: number): string {
  // 12-digit precision hides binary noise (0.1+0.2) the way Excel displays it.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/** Built without spreads (this runs for every cell read), keys in one order: sheet, address, type, value, formula, text, iso. */
export function ledgerCell(sheet: string, cell: CellSnapshot): LedgerCell {
  const value = typeof cell.value === 'string' ? detached(cell.value) : cell.value;
  let text: string;
  let iso: string | undefined;
  if (cell.type === 'date' && cell.iso) text = iso = cell.iso;
  else if (typeof value === 'number') text = numberText(value);
  else if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
  else text = trimText(value);
  const address = cell.address;
  const type = cell.type;
  const out: LedgerCell = cell.formula
    ? { sheet, address, type, value, formula: detached(cell.formula), text }
    : { sheet, address, type, value, text };
  if (iso !== undefined) out.iso = iso;
  return out;
}

export function isBlank(cell: LedgerCell | undefined): boolean {
  return cell === undefined || cell.text === '';
}
