/**
 * The ledger in the workbook open in WPS 表格 → the shared WorkbookSnapshot
 * (core/workbook/range-snapshot.ts, as for Excel), so 校验 judges it exactly
 * as it judges a file. Only the ledger's sheets are read (the metadata sheet,
 * the template's sheet names, the workbook names, and sheets the metadata
 * lists). Per sheet, in whole ranges: the used range's `Value2` and `Formula`
 * (one call each), number formats per column (only where a column mixes
 * formats, per numeric cell), merged areas per row that has any.
 */
import { ledgerSheetNames, metaListedSheets } from '../core/ledger/ledger-sheets.js';
import { readMeta } from '../core/ledger/read-meta.js';
import { META_SHEET_NAME } from '../core/template/constants.js';
import { columnLetter } from '../core/workbook/a1.js';
import { definedNamesOf, sheetSnapshot, workbookSnapshot, type NameRead, type SheetRead } from '../core/workbook/range-snapshot.js';
import type { WorkbookSnapshot } from '../core/workbook/snapshot.js';
import { XL, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet } from './et-types.js';
import { toWpsFailure, type WpsFailure } from './wps-errors.js';
import { openWorkbook } from './write-spec.js';

export type WpsReadResult = { ok: true; snapshot: WorkbookSnapshot; syncs: number } | { ok: false; error: WpsFailure; syncs: number };

/** Excel's CVErr codes, which a Value2 read gives for error cells (xlErrDiv0 … xlErrNA). */
const ERROR_CODES: Readonly<Record<number, string>> = {
  [-2146826281]: '#DIV/0!',
  [-2146826246]: '#N/A',
  [-2146826259]: '#NAME?',
  [-2146826288]: '#NULL!',
  [-2146826252]: '#NUM!',
  [-2146826265]: '#REF!',
  [-2146826273]: '#VALUE!',
};

/** A one-cell range gives its bare value; anything gives rows of columns here. */
export function asGrid(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  return [[value]];
}

function typeOf(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'Empty';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return ERROR_CODES[value] !== undefined ? 'Error' : 'Double';
  return 'String';
}

/** Number formats of the used range, asked per column; a column that mixes formats is asked per number cell. */
function numberFormats(used: EtRange, sheet: EtWorksheet, values: unknown[][]): unknown[][] {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const formats = values.map((line) => line.map(() => 'General' as unknown));
  for (let c = 0; c < cols; c++) {
    if (!values.some((line) => typeof line[c] === 'number')) continue;
    const letter = columnLetter(used.Column + c);
    const shared = sheet.Range(`${letter}${used.Row}:${letter}${used.Row + rows - 1}`).NumberFormat;
    for (let r = 0; r < rows; r++) {
      if (typeof values[r]![c] !== 'number') continue;
      formats[r]![c] = typeof shared === 'string' ? shared : used.Cells.Item(r + 1, c + 1).NumberFormat;
    }
  }
  return formats;
}

/** Merged areas: a row with none is skipped whole (`MergeCells` false); in the others each area is listed once. */
function mergedAreas(used: EtRange, sheet: EtWorksheet, rows: number, cols: number): string[] {
  if (used.MergeCells === false) return [];
  const found = new Set<string>();
  const left = columnLetter(used.Column);
  const right = columnLetter(used.Column + cols - 1);
  for (let r = 0; r < rows; r++) {
    const row = used.Row + r;
    if (sheet.Range(`${left}${row}:${right}${row}`).MergeCells === false) continue;
    for (let c = 1; c <= cols; c++) {
      const cell = used.Cells.Item(r + 1, c);
      if (cell.MergeCells) found.add(cell.MergeArea.Address.replace(/\$/g, ''));
    }
  }
  return [...found];
}

function readSheet(sheet: EtWorksheet): SheetRead {
  const used = sheet.UsedRange;
  const raw = asGrid(used.Value2);
  const values = raw.map((line) => line.map((v) => (typeof v === 'number' && ERROR_CODES[v] !== undefined ? ERROR_CODES[v] : v)));
  const valueTypes = raw.map((line) => line.map(typeOf));
  const formulas = asGrid(used.Formula);
  const rows = raw.length;
  const cols = raw[0]?.length ?? 0;
  const visibility = sheet.Visible === XL.sheetVeryHidden ? 'VeryHidden' : sheet.Visible === XL.sheetHidden ? 'Hidden' : 'Visible';
  const address = `${sheet.Name}!${used.Address.replace(/\$/g, '')}`;
  const merges = rows > 0 && cols > 0 ? mergedAreas(used, sheet, rows, cols) : [];
  return { name: sheet.Name, visibility, address, values, valueTypes, numberFormat: numberFormats(used, sheet, raw), formulas, merges };
}

function namesOf(workbook: EtWorkbook): NameRead[] {
  const names: NameRead[] = [];
  for (let i = 1; i <= workbook.Names.Count; i++) {
    const name = workbook.Names.Item(i);
    // Only a name that points at cells of a sheet counts, as Excel's type `Range` does.
    const type = /!\$?[A-Z]{1,3}\$?\d+/.test(name.RefersTo) ? 'Range' : 'Other';
    names.push({ name: name.Name, type, value: name.RefersTo });
  }
  return names;
}

/** `templateSheets`: the pillar sheet names the plan's template gives. `syncs` counts sheets read (ET has no requests to count). */
export function readWpsSnapshot(app: EtApplication, templateSheets: readonly string[] = []): WpsReadResult {
  const open = openWorkbook(app, false);
  if (!open.ok) return { ok: false, error: open.error, syncs: 0 };
  const workbook = open.workbook;
  try {
    const sheets: EtWorksheet[] = [];
    for (let i = 1; i <= workbook.Worksheets.Count; i++) sheets.push(workbook.Worksheets.Item(i));
    const sheetNames = sheets.map((s) => s.Name);
    const nameList = namesOf(workbook);
    const date1904 = workbook.Date1904 === true;
    const reads = new Map<string, SheetRead>();
    const readNamed = (wanted: readonly string[]) => {
      for (const sheet of sheets) if (wanted.includes(sheet.Name) && !reads.has(sheet.Name)) reads.set(sheet.Name, readSheet(sheet));
    };
    readNamed(ledgerSheetNames(sheetNames, definedNamesOf(nameList), templateSheets));
    const metaRead = reads.get(META_SHEET_NAME);
    const meta = metaRead ? readMeta({ date1904, sheets: [sheetSnapshot(metaRead, date1904)], definedNames: [] }) : undefined;
    readNamed(metaListedSheets(sheetNames, meta));
    // Tab order, as the file reader gives it: extraction reports in that order.
    const ordered = sheetNames.flatMap((n) => reads.get(n) ?? []);
    return { ok: true, snapshot: workbookSnapshot(ordered, nameList, date1904), syncs: ordered.length };
  } catch (error) {
    return { ok: false, error: toWpsFailure(error), syncs: 0 };
  }
}
