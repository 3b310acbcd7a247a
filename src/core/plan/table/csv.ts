/**
 * A task table saved as text: .csv from Excel or WPS (comma, quoted cells
 * with line breaks, RFC 4180 `""`), or tab-separated text copied out of a
 * sheet. Text only counts as a table when a header row of a task table is
 * found in it: a plan written as prose with half-width commas never is one.
 * Decoding (UTF-8, UTF-16, GB18030) is decode-text.ts's job, before this.
 */
import { findColumns } from './columns.js';
import { Grid, MAX_COLS, MAX_ROWS, type TableInput } from './grid.js';

/** Splits CSV text into rows of fields; stops at MAX_ROWS rows. */
export function parseDelimited(text: string, delimiter: ',' | '\t'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < MAX_ROWS; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      if (row.length < MAX_COLS) row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (row.length < MAX_COLS) row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Fields per line outside quotes, for the first lines: a table has the same count (≥ 3) on most of them. */
function delimiterOf(text: string): ',' | '\t' | undefined {
  const sample = text.slice(0, 20_000);
  for (const delimiter of ['\t', ','] as const) {
    const rows = parseDelimited(sample, delimiter).filter((r) => r.some((f) => f.trim()));
    const wide = rows.filter((r) => r.length >= 3).length;
    if (rows.length >= 2 && wide >= 2 && wide * 2 >= rows.length) return delimiter;
  }
  return undefined;
}

/** The text as a table, when it is one: delimited, with a task table's header near the top. */
export function delimitedTable(text: string, name: string): TableInput | undefined {
  const delimiter = delimiterOf(text);
  if (!delimiter) return undefined;
  const input: TableInput = { name, rows: parseDelimited(text.replace(/^\uFEFF/, ''), delimiter), merges: [], firstRow: 1 };
  return findColumns(new Grid(input)) ? input : undefined;
}
