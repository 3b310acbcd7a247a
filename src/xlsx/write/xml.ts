/**
 * Escaping for the SpreadsheetML writer. XML 1.0 cannot carry most control
 * characters at all, and parsers turn tab/LF/CR inside attribute values into
 * spaces, so each kind of text has its own escape:
 *   - cell text: `_xHHHH_` for illegal characters and CR, as Excel writes them
 *     (Excel, LibreOffice, exceljs and our reader decode it), and `_x005F_`
 *     before a literal `_xHHHH_` so it is not decoded;
 *   - attribute values: character references for tab/LF/CR, illegal ones dropped;
 *   - other element text (formulas, names, header/footer): illegal ones dropped.
 */
import { quoteSheetName } from '../../core/template/sheet-names.js';

/** Characters XML 1.0 forbids (tab, LF and CR are allowed), plus U+FFFE/U+FFFF. */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const CELL_NEEDS_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const CELL_SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const TEXT_SPECIAL = /[&<>]/g;
const ATTR_SPECIAL = /[&<>"\t\n\r]/g;

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function ooxmlEscape(ch: string): string {
  if (ch === '_') return '_x005F_';
  if (ch === '&' || ch === '<' || ch === '>') return ENTITY[ch]!;
  return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Text of a `<t>` element, lossless through Excel's `_xHHHH_` convention. */
export function cellText(text: string): string {
  return CELL_NEEDS_WORK.test(text) ? text.replace(CELL_SPECIAL, ooxmlEscape) : text;
}

/** Element text other than cell values: escaped, characters XML cannot carry dropped. */
export function xmlText(text: string): string {
  return text.replace(ILLEGAL, '').replace(TEXT_SPECIAL, (ch) => ENTITY[ch]!);
}

/** An attribute value (double-quoted): line breaks and tabs kept as character references. */
export function xmlAttr(text: string): string {
  return text.replace(ILLEGAL, '').replace(ATTR_SPECIAL, (ch) => ENTITY[ch]!);
}

/** `<t>` needs xml:space="preserve" when leading/trailing whitespace or line breaks must survive. */
export function needsPreserve(text: string): boolean {
  return /^\s|\s$|[\n\t]/.test(text);
}

/** A `<t>` element for a cell string. */
export function tElement(text: string): string {
  return needsPreserve(text) ? `<t xml:space="preserve">${cellText(text)}</t>` : `<t>${cellText(text)}</t>`;
}


/** `A2:J6` → `$A$2:$J$6`; `1:2` → `$1:$2`; `A:B` → `$A:$B`. */
export function absoluteRef(range: string): string {
  return range
    .split(':')
    .map((part) => part.replace(/^\$?([A-Za-z]*)\$?([0-9]*)$/, (_, col: string, row: string) => `${col ? `$${col}` : ''}${row ? `$${row}` : ''}`))
    .join(':');
}

/** A workbook-level reference to a range on a sheet: `'Sheet'!$A$1:$B$2`. */
export function sheetRef(sheet: string, range: string): string {
  return `${quoteSheetName(sheet)}!${absoluteRef(range)}`;
}
