/**
 * Used ranges read through the Office JavaScript API → the same WorkbookSnapshot the .xlsx
 * reader produces, so extraction and validation judge a live workbook exactly
 * as they judge a file. Pure: takes the 2-D arrays the Office JavaScript API returns.
 */
import type { CellSnapshot, CellType, DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from './snapshot.js';
import { columnLetter, parseCellRef } from './a1.js';
import { isDateFormatCode } from './number-formats.js';
import { serialToDate } from './serial-dates.js';

/** One sheet as the Office JavaScript API returns it. */
export interface SheetRead {
  name: string;
  /** `Visible`, `Hidden`, `VeryHidden`. */
  visibility: string;
  /** The used range's address, e.g. `Sheet1!B2:K40` or `'一、党建'!A1:K9`. */
  address: string;
  values: unknown[][];
  /** `Empty`, `String`, `Double`, `Boolean`, `Error`, … */
  valueTypes: string[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  /** Merged areas in A1 form, when this Excel can report them (ExcelApi 1.13). */
  merges?: string[];
}

/** `'a''b'!C3:D4` or `Sheet1!C3` → top-left row and column (1-based). */
export function topLeftOf(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf('!') + 1).split(':')[0] ?? '';
  return parseCellRef(local) ?? { row: 1, col: 1 };
}

/** `Sheet1!A1:B2, Sheet1!D4:E5` → ['A1:B2', 'D4:E5'] (`$` dropped). */
export function localRanges(addresses: string): string[] {
  return addresses
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, ''));
}

function cellOf(read: SheetRead, r: number, c: number, row: number, col: number, date1904: boolean): CellSnapshot | undefined {
  const kind = read.valueTypes[r]?.[c] ?? 'Empty';
  const raw = read.values[r]?.[c];
  const formulaText = read.formulas[r]?.[c];
  const formula = typeof formulaText === 'string' && formulaText.startsWith('=') ? formulaText.slice(1) : undefined;
  if (kind === 'Empty' && formula === undefined) return undefined;
  const address = `${columnLetter(col)}${row}`;
  const base = { row, col, address, ...(formula !== undefined ? { formula } : {}) };
  const numFmt = String(read.numberFormat[r]?.[c] ?? 'General');
  if ((kind === 'Double' || kind === 'Integer') && typeof raw === 'number') {
    const fmt = numFmt === 'General' ? {} : { numFmt };
    const date = numFmt !== 'General' && isDateFormatCode(numFmt) ? serialToDate(raw, date1904) : undefined;
    if (date) return { ...base, type: 'date', value: raw, isDate: true, ...date, ...fmt };
    return { ...base, type: 'number', value: raw, ...fmt };
  }
  if (kind === 'Boolean' && typeof raw === 'boolean') return { ...base, type: 'boolean', value: raw };
  const type: CellType = kind === 'Error' ? 'error' : 'string';
  const value = raw === undefined || raw === null ? '' : String(raw);
  if (type === 'string' && value === '' && formula === undefined) return undefined;
  return { ...base, type, value };
}

export function sheetSnapshot(read: SheetRead, date1904: boolean): SheetSnapshot {
  const origin = topLeftOf(read.address);
  const cells: CellSnapshot[] = [];
  let maxRow = 0;
  let maxCol = 0;
  read.values.forEach((line, r) => {
    line.forEach((_, c) => {
      const cell = cellOf(read, r, c, origin.row + r, origin.col + c, date1904);
      if (!cell) return;
      cells.push(cell);
      maxRow = Math.max(maxRow, cell.row);
      maxCol = Math.max(maxCol, cell.col);
    });
  });
  const state = read.visibility === 'VeryHidden' ? 'veryHidden' : read.visibility === 'Hidden' ? 'hidden' : 'visible';
  return { name: read.name, state, cells, merges: read.merges ?? [], maxRow, maxCol, dataValidations: [] };
}

export interface NameRead {
  name: string;
  /** `Range`, `String`, `Error`, … */
  type: string;
  /** For a range name, its address, with or without a leading `=`. */
  value: unknown;
}

/** Workbook-scoped range names (`workbook.names` lists no sheet-scoped ones), refs without the leading `=`. */
export function definedNamesOf(names: NameRead[]): DefinedNameSnapshot[] {
  return names.filter((n) => n.type === 'Range' && typeof n.value === 'string').map((n) => ({ name: n.name, ref: String(n.value).replace(/^=/, '') }));
}

export function workbookSnapshot(sheets: SheetRead[], names: NameRead[], date1904 = false): WorkbookSnapshot {
  return { date1904, sheets: sheets.map((s) => sheetSnapshot(s, date1904)), definedNames: definedNamesOf(names) };
}
