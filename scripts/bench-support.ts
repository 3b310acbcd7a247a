/**
 * Pieces of the roll-up benchmark that are not taizhang itself: the unzip
 * floor (node:zlib, nothing else) and the exceljs baseline's conversion of an
 * exceljs workbook into the same snapshot our reader produces.
 */
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from '../src/core/workbook/snapshot.js';

/** Walks the zip's central directory and inflates every entry: the least any .xlsx reader must do. */
export function inflateAll(bytes: Buffer): number {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const body = bytes.subarray(dataStart, dataStart + compressed);
    total += method === 8 ? zlib.inflateRawSync(body).length : body.length;
    at += 46 + nameLength + extra + comment;
  }
  return total;
}

function cellOf(cell: ExcelJS.Cell): Omit<CellSnapshot, 'row' | 'col' | 'address'> | undefined {
  const value = cell.value;
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return { type: 'date', value: 0, isDate: true, iso: value.toISOString().slice(0, 10) };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'string') return { type: 'string', value };
  if ('richText' in value) return { type: 'string', value: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null || typeof result === 'object') return undefined;
    return typeof result === 'number' ? { type: 'number', value: result } : typeof result === 'boolean' ? { type: 'boolean', value: result } : { type: 'string', value: String(result) };
  }
  if ('text' in value) return { type: 'string', value: String((value as { text: unknown }).text) };
  return undefined;
}

/** exceljs workbook → the snapshot our core consumes, so the baseline feeds the same extraction and rules. */
export function snapshotFromExcelJs(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = workbook.worksheets.map((ws) => {
    const cells: CellSnapshot[] = [];
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const snap = cellOf(cell);
        if (snap) cells.push({ row: r, col: c, address: cell.address, ...snap });
      }),
    );
    const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range);
    return { name: ws.name, state: ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible', cells, merges, maxRow: ws.rowCount, maxCol: ws.columnCount, dataValidations: [] };
  });
  const names = (workbook.definedNames.model as { name: string; ranges: string[]; localSheetId?: number }[]).map((n) => ({ name: n.name, ref: n.ranges[0] ?? '' }));
  return { date1904: Boolean(workbook.properties.date1904), sheets, definedNames: names };
}
