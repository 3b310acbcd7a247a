/**
 * Test helper: render the ledger of a plan, then fill it in the way a school
 * would (with exceljs): values by task id and column key, the 填报说明 fields,
 * rows inserted under a task, renamed or reordered sheets, merged cells, and
 * every kind of cell a clerk produces — text, real dates, serials with a date
 * format, rich text, formulas with cached results. Returns the .xlsx bytes.
 */
import ExcelJS from 'exceljs';
import type { Plan } from '../../src/core/model';
import { buildTemplateSpec } from '../../src/core/template/build-spec';
import { unitFieldCell, type UnitFieldKey } from '../../src/core/template/instructions-sheet';
import { pillarColumn } from '../../src/core/template/pillar-sheet';
import { INSTRUCTIONS_SHEET_NAME, META_SHEET_NAME, type ColumnKey } from '../../src/core/template/constants';
import { renderWorkbook } from '../../src/xlsx/render-workbook';

/** What to write into one cell. A plain string or number is written as is. */
export type CellInput =
  | string
  | number
  | null
  /** A real date cell (exceljs Date), shown with `numFmt` (default `yyyy-mm-dd`). */
  | { date: string; numFmt?: string }
  /** A bare serial number with a date format, as a program that writes numbers would. */
  | { serial: number; numFmt: string }
  | { richText: string[] }
  | { formula: string; result: string | number };

export type RowValues = Partial<Record<ColumnKey, CellInput>>;

export interface Located {
  ws: ExcelJS.Worksheet;
  row: number;
}

export interface FillOptions {
  info?: Partial<Record<UnitFieldKey, CellInput>>;
  tasks?: Record<string, RowValues>;
  /** Rows inserted under a task's row; several under one task keep their order. */
  inserted?: { under: string; values: RowValues }[];
  /** Merge a column down from a task's row over `rows` rows (after insertions). The covered cells lose their values, as in Excel. */
  merges?: { taskId: string; key: ColumnKey; rows: number }[];
  /** Old sheet name → new name; workbook names follow, as Excel and LibreOffice do on rename. */
  rename?: Record<string, string>;
  /** New tab order, by (new) sheet names; sheets not listed keep their relative order after these. */
  order?: string[];
  /** Anything else, after all of the above. */
  edit?: (wb: ExcelJS.Workbook, find: (taskId: string) => Located) => void;
}

function dateOf(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * exceljs shares one style object among the loaded cells of a style, so
 * `cell.numFmt = …` would change every such cell: give the cell its own copy.
 */
function setNumFmt(cell: ExcelJS.Cell, numFmt: string): void {
  cell.style = { ...cell.style, numFmt };
}

export function writeCell(cell: ExcelJS.Cell, input: CellInput): void {
  if (input === null || typeof input === 'string' || typeof input === 'number') {
    cell.value = input;
  } else if ('date' in input) {
    cell.value = dateOf(input.date);
    setNumFmt(cell, input.numFmt ?? 'yyyy-mm-dd');
  } else if ('serial' in input) {
    cell.value = input.serial;
    setNumFmt(cell, input.numFmt);
  } else if ('richText' in input) {
    cell.value = { richText: input.richText.map((text, i) => (i % 2 ? { text, font: { bold: true } } : { text })) };
  } else {
    cell.value = { formula: input.formula, result: input.result } as ExcelJS.CellFormulaValue;
  }
}

function writeRow(ws: ExcelJS.Worksheet, row: number, values: RowValues): void {
  for (const [key, input] of Object.entries(values) as [ColumnKey, CellInput][]) {
    writeCell(ws.getCell(row, pillarColumn(key)), input);
  }
}

/** Finds a task's row by the hidden 任务编号 column, wherever insertions and renames put it. */
function finder(wb: ExcelJS.Workbook): (taskId: string) => Located {
  const idColumn = pillarColumn('taskId');
  return (taskId) => {
    for (const ws of wb.worksheets) {
      if (ws.name === META_SHEET_NAME || ws.name === INSTRUCTIONS_SHEET_NAME) continue;
      for (let row = 1; row <= ws.rowCount; row++) {
        if (ws.getCell(row, idColumn).value === taskId) return { ws, row };
      }
    }
    throw new Error(`fill-ledger: no row for task ${taskId}`);
  };
}

function renameSheets(wb: ExcelJS.Workbook, rename: Record<string, string>): void {
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'!`;
  const names = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  let model = names.model;
  for (const [from, to] of Object.entries(rename)) {
    const ws = wb.getWorksheet(from);
    if (!ws) throw new Error(`fill-ledger: no sheet ${from}`);
    ws.name = to;
    model = model.map((n) => ({ ...n, ranges: n.ranges.map((r) => r.split(quoted(from)).join(quoted(to))) }));
  }
  names.model = model;
}

function reorderSheets(wb: ExcelJS.Workbook, order: string[]): void {
  const all = wb.worksheets;
  const listed = order.map((name) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`fill-ledger: no sheet ${name}`);
    return ws;
  });
  const rest = all.filter((ws) => !listed.includes(ws));
  // exceljs writes sheets in `orderNo` order; the property is missing from its type declarations.
  [...listed, ...rest].forEach((ws, i) => {
    (ws as unknown as { orderNo: number }).orderNo = i;
  });
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export async function renderLedger(plan: Plan): Promise<Uint8Array> {
  return renderWorkbook(buildTemplateSpec(plan));
}

export async function fillLedger(plan: Plan, options: FillOptions): Promise<Uint8Array> {
  const wb = await loadWorkbook(await renderLedger(plan));
  const info = wb.getWorksheet(INSTRUCTIONS_SHEET_NAME)!;
  for (const [key, input] of Object.entries(options.info ?? {}) as [UnitFieldKey, CellInput][]) {
    writeCell(info.getCell(unitFieldCell(key)), input);
  }
  const find = finder(wb);
  for (const [taskId, values] of Object.entries(options.tasks ?? {})) {
    const at = find(taskId);
    writeRow(at.ws, at.row, values);
  }
  const insertedUnder = new Map<string, number>();
  for (const { under, values } of options.inserted ?? []) {
    const at = find(under);
    const offset = (insertedUnder.get(under) ?? 0) + 1;
    insertedUnder.set(under, offset);
    at.ws.insertRow(at.row + offset, [], 'i');
    writeRow(at.ws, at.row + offset, values);
  }
  for (const { taskId, key, rows } of options.merges ?? []) {
    const at = find(taskId);
    at.ws.mergeCells(at.row, pillarColumn(key), at.row + rows - 1, pillarColumn(key));
  }
  if (options.rename) renameSheets(wb, options.rename);
  if (options.order) reorderSheets(wb, options.order);
  options.edit?.(wb, find);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
