/**
 * A fast reading of one `<row>`'s content in the shape Excel, WPS, LibreOffice
 * and exceljs all write: cells `<c r="B7" s="3" t="s">` that are empty or hold
 * one `<v>`. It only reads; the caller commits what it found, so a row with
 * anything else in it (a formula, an inline string, a comment, a prefixed or
 * repeated attribute, a cell without `r`) is read again the general way, from
 * its start, with the same results. Text between tags is ignored, as the
 * general reading ignores it outside `<v>`.
 */
import { plainCellRef } from './sheet-fast.js';
import { isSpace } from './xml-attributes.js';
import { cutText } from './xml-text.js';

/** The cells of one row as found, column by column; reused from row to row. */
export class RowCells {
  count = 0;
  readonly rows: number[] = [];
  readonly cols: number[] = [];
  readonly addresses: string[] = [];
  readonly types: (string | undefined)[] = [];
  readonly styles: (string | undefined)[] = [];
  readonly values: (string | undefined)[] = [];
}

const at = { row: 0, col: 0 };

/**
 * Reads from `from` (just past `<row …>`) to the row's `</row>` and returns the index just past it,
 * or -1 when the row holds anything but plain cells. `into` then holds the row's cells.
 */
export function readPlainRow(xml: string, bytes: Uint8Array | undefined, from: number, into: RowCells): number {
  into.count = 0;
  let pos = from;
  for (;;) {
    pos = xml.indexOf('<', pos);
    if (pos < 0) return -1;
    const next = xml.charCodeAt(pos + 1);
    if (next === 47 /* / */) return xml.startsWith('</row>', pos) ? pos + 6 : -1;
    if (next !== 99 /* c */) return -1;
    pos = readCell(xml, bytes, pos + 2, into);
    if (pos < 0) return -1;
  }
}

/** One `<c …>` from just past its name; returns the index past the cell, or -1. */
function readCell(xml: string, bytes: Uint8Array | undefined, from: number, into: RowCells): number {
  let pos = from;
  let r: string | undefined;
  let t: string | undefined;
  let s: string | undefined;
  let code = xml.charCodeAt(pos);
  if (!isSpace(code) && code !== 47 && code !== 62) return -1; // `<col`, `<cfRule`: another element
  for (;;) {
    while (isSpace(code)) code = xml.charCodeAt(++pos);
    if (code === 62 /* > */ || code === 47 /* / */) break;
    const nameStart = pos;
    while (code > 62 || (code !== 61 && code > 32 && code !== 34 && code !== 39 && code !== 47 && code !== 60)) {
      if (code === 58 /* : */) return -1; // a prefixed name may be r, s or t in another dress
      code = xml.charCodeAt(++pos);
    }
    if (code !== 61 /* = */ || pos === nameStart) return -1;
    const quote = xml.charCodeAt(pos + 1);
    if (quote !== 34 && quote !== 39) return -1;
    const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", pos + 2);
    if (valueEnd < 0) return -1;
    if (pos - nameStart === 1) {
      const value = cutText(xml, bytes, pos + 2, valueEnd);
      const name = xml.charCodeAt(nameStart);
      if (name === 114 /* r */) {
        if (r !== undefined) return -1;
        r = value;
      } else if (name === 116 /* t */) {
        if (t !== undefined) return -1;
        t = value;
      } else if (name === 115 /* s */) {
        if (s !== undefined) return -1;
        s = value;
      }
    }
    pos = valueEnd + 1;
    code = xml.charCodeAt(pos);
  }
  if (r === undefined || !plainCellRef(r, at)) return -1;
  let value: string | undefined;
  if (code === 47) {
    if (xml.charCodeAt(pos + 1) !== 62) return -1;
    pos += 2;
  } else {
    pos = xml.indexOf('<', pos + 1);
    if (pos < 0) return -1;
    if (xml.startsWith('<v>', pos)) {
      const end = xml.indexOf('<', pos + 3);
      if (end < 0 || !xml.startsWith('</v>', end)) return -1;
      if (end > pos + 3) value = cutText(xml, bytes, pos + 3, end);
      pos = xml.indexOf('<', end + 4);
      if (pos < 0) return -1;
    }
    if (!xml.startsWith('</c>', pos)) return -1;
    pos += 4;
  }
  const n = into.count++;
  into.rows[n] = at.row;
  into.cols[n] = at.col;
  into.addresses[n] = r;
  into.types[n] = t;
  into.styles[n] = s;
  into.values[n] = value;
  return pos;
}
