/**
 * One cell of a worksheet, from what its XML said (type, style, value, inline
 * text, formula) to a snapshot cell, the way Excel shows it: shared strings
 * looked up, booleans and errors read, dates found by their number format.
 * Runs once per cell: plain code, one object shape, no spreads.
 */
import { isoToSerial, serialToDate } from '../../core/workbook/serial-dates.js';
import { stringIndex } from './sheet-fast.js';
import type { CellFormats } from './styles.js';
import type { TextBudget } from './text-budget.js';
import type { CellSnapshot } from './types.js';
import { decodeOoxmlEscapes } from './xml.js';

/** What a cell needs of its sheet and workbook. */
export interface CellContext {
  sheet: string;
  sharedStrings: string[];
  formats: CellFormats;
  date1904: boolean;
  /** Shared by the workbook's sheets; absent (no budget) for callers that read one sheet alone, as tests do. */
  textBudget?: TextBudget;
}

/** Builds a cell object in one shape (no spreads: this runs once per cell and dominated the profile). */
function makeCell(row: number, col: number, address: string, type: CellSnapshot['type'], value: CellSnapshot['value'], formula: string): CellSnapshot {
  const cell: CellSnapshot = { row, col, address, type, value };
  if (formula.trim()) cell.formula = formula;
  return cell;
}

export function buildCell(
  row: number,
  col: number,
  address: string,
  cellType: string | undefined,
  style: string | undefined,
  v: string | undefined,
  inline: string | undefined,
  formula: string,
  ctx: CellContext,
  warn: (code: 'XLSX_READ_BAD_CELL', address: string, detail: string) => void,
): CellSnapshot | undefined {
  const t = cellType ?? 'n';
  switch (t) {
    case 's': {
      if (v === undefined || v.trim() === '') return undefined;
      const text = ctx.sharedStrings[stringIndex(v)];
      if (text === undefined) return void warn('XLSX_READ_BAD_CELL', address, `共享字符串 ${v} 不存在`);
      spend(ctx, text, address);
      return makeCell(row, col, address, 'string', text, formula);
    }
    case 'inlineStr':
    case 'str': {
      if (inline === undefined && v === undefined) return undefined;
      const text = decodeOoxmlEscapes(inline ?? v ?? '');
      spend(ctx, text, address);
      return makeCell(row, col, address, 'string', text, formula);
    }
    case 'b': {
      const flag = (v ?? '').trim().toLowerCase();
      // LibreOffice writes `true`/`false` where Excel writes 1/0.
      if (flag === '1' || flag === 'true') return makeCell(row, col, address, 'boolean', true, formula);
      if (flag === '0' || flag === 'false') return makeCell(row, col, address, 'boolean', false, formula);
      if (flag !== '') warn('XLSX_READ_BAD_CELL', address, `逻辑值“${flag}”无效`);
      return undefined;
    }
    case 'e':
      return v === undefined ? undefined : makeCell(row, col, address, 'error', v.trim(), formula);
    case 'd': {
      if (v === undefined || v.trim() === '') return undefined;
      const serial = isoToSerial(v, ctx.date1904);
      const date = serial === undefined ? undefined : serialToDate(serial, ctx.date1904);
      if (serial === undefined || !date) return makeCell(row, col, address, 'string', v, formula);
      return asDate(makeCell(row, col, address, 'date', serial, formula), date);
    }
    default: {
      const text = (v ?? '').trim();
      if (text === '') return undefined;
      const n = Number(text);
      if (!Number.isFinite(n)) return void warn('XLSX_READ_BAD_CELL', address, `数值“${text.slice(0, 30)}”无效`);
      const format = style === undefined ? undefined : ctx.formats[Number(style)];
      const date = format?.isDate ? serialToDate(n, ctx.date1904) : undefined;
      const cell = makeCell(row, col, address, date ? 'date' : 'number', n, formula);
      if (date) asDate(cell, date);
      if (format?.code !== undefined) cell.numFmt = format.code;
      return cell;
    }
  }
}

/** Counts a string cell's text against the workbook's budget (one addition per string cell). */
function spend(ctx: CellContext, text: string, address: string): void {
  const budget = ctx.textBudget;
  if (budget && (budget.shown += text.length) > budget.limit) throw budget.refuse(ctx.sheet, address);
}

function asDate(cell: CellSnapshot, date: { iso: string; time?: string }): CellSnapshot {
  cell.isDate = true;
  cell.iso = date.iso;
  if (date.time !== undefined) cell.time = date.time;
  return cell;
}
