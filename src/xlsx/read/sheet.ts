/**
 * One worksheet's XML → sparse cells, merges and data validations. Cells
 * without `r=` get their position from the previous cell and row, as Excel
 * does. Ranges (merges, validation sqrefs) are kept as text and never
 * expanded, so a merge over A2:Z1048576 costs one string.
 */
import { columnLetter, formatRange, parseCellRef, parseRange } from '../../core/workbook/a1.js';
import { buildCell, type CellContext } from './sheet-cell.js';
import { plainCellRef, plainRange } from './sheet-fast.js';
import { readPlainRow, RowCells } from './sheet-row-fast.js';
import { Refusal, type Warnings } from './refusal.js';
import type { CellSnapshot, DataValidationSnapshot, ReadLimits } from './types.js';
import { scanned, scanXml, type Attributes, type XmlSource } from './xml.js';

export interface SheetContent {
  cells: CellSnapshot[];
  merges: string[];
  dataValidations: DataValidationSnapshot[];
}

export interface SheetContext extends CellContext {
  limits: ReadLimits;
  warnings: Warnings;
}

/** `"是,否"` → ['是', '否']; a range or a name → undefined. */
function listItems(formula: string): string[] | undefined {
  const f = formula.trim();
  if (f.length < 2 || !f.startsWith('"') || !f.endsWith('"')) return undefined;
  return f.slice(1, -1).replace(/""/g, '"').split(',');
}

/**
 * `fastRows: false` reads every row the general way; the fast reading of plain rows
 * (sheet-row-fast.ts) must give the same content and warnings, which tests check.
 */
export function parseSheet(xml: XmlSource, ctx: SheetContext, fastRows = true): SheetContent {
  const { text: part, bytes } = scanned(xml);
  const rowCells = new RowCells();
  const cells: CellSnapshot[] = [];
  const merges: string[] = [];
  const validations: DataValidationSnapshot[] = [];
  let sorted = true;
  let row = 0;
  let col = 0;
  // The cell being read.
  // Plain variables rather than an object per cell: one allocation less for every cell.
  let inCell = false;
  let cellRow = 0;
  let cellCol = 0;
  let cellAddress: string | undefined;
  let cellType: string | undefined;
  let cellStyle: string | undefined;
  const plain = { row: 0, col: 0 };
  let skipCell = false;
  let value: string | undefined;
  let formula = '';
  let inline: string | undefined;
  let target: 'v' | 'f' | 'is' | 'formula1' | 'sqref' | undefined;
  let phoneticDepth = 0;
  let validation: DataValidationSnapshot | undefined;
  let inFormula1 = false;

  const warn = (code: 'XLSX_READ_BAD_CELL' | 'XLSX_READ_BAD_RANGE', address: string, detail: string) =>
    ctx.warnings.add(code, { sheet: ctx.sheet, cell: address }, { sheet: ctx.sheet, cell: address, detail });

  const finishCell = () => {
    if (!inCell || skipCell) return;
    const address = cellAddress ?? columnLetter(cellCol) + cellRow;
    const built = buildCell(cellRow, cellCol, address, cellType, cellStyle, value, inline, formula, ctx, warn);
    if (!built) return;
    if (cells.length >= ctx.limits.maxCellsPerSheet) {
      throw new Refusal('XLSX_READ_TOO_MANY_CELLS', { sheet: ctx.sheet, limit: ctx.limits.maxCellsPerSheet });
    }
    const last = cells[cells.length - 1];
    if (last && (last.row > built.row || (last.row === built.row && last.col >= built.col))) sorted = false;
    cells.push(built);
  };

  /** Commits a row read by `readPlainRow` exactly as the general reading goes through its cells. */
  const commitRow = () => {
    for (let i = 0; i < rowCells.count; i++) {
      inCell = true;
      skipCell = false;
      row = cellRow = rowCells.rows[i]!;
      col = cellCol = rowCells.cols[i]!;
      cellAddress = rowCells.addresses[i];
      cellType = rowCells.types[i];
      cellStyle = rowCells.styles[i];
      value = rowCells.values[i];
      inline = undefined;
      formula = '';
      finishCell();
      inCell = false;
    }
  };

  const handler = {
    wantText: false,
    open(name: string, attrs: Attributes, selfClosing: boolean, contentStart: number): number | void {
      switch (name) {
        case 'row': {
          const rowRef = attrs.get('r');
          const r = Number(rowRef);
          row = rowRef !== undefined && Number.isInteger(r) && r >= 1 ? r : row + 1;
          col = 0;
          // Outside any cell or captured text, a plain row is read in one go (its cells and `</row>`).
          if (fastRows && !selfClosing && !inCell && target === undefined) {
            const end = readPlainRow(part, bytes, contentStart, rowCells);
            if (end >= 0) {
              commitRow();
              return end;
            }
          }
          break;
        }
        case 'c': {
          inCell = false;
          skipCell = false;
          value = inline = undefined;
          formula = '';
          const cellRef = attrs.get('r');
          let address: string | undefined;
          if (cellRef !== undefined && plainCellRef(cellRef, plain)) {
            row = plain.row;
            col = plain.col;
            address = cellRef;
          } else if (cellRef !== undefined) {
            const ref = parseCellRef(cellRef);
            if (!ref) {
              warn('XLSX_READ_BAD_CELL', cellRef, '单元格地址无效');
              skipCell = true;
              col++;
              break;
            }
            row = ref.row;
            col = ref.col;
          } else {
            if (row === 0) row = 1;
            col++;
          }
          inCell = true;
          cellRow = row;
          cellCol = col;
          cellAddress = address;
          cellType = attrs.get('t');
          cellStyle = attrs.get('s');
          break;
        }
        case 'v':
        case 'f':
          if (inCell) target = name;
          else if (inFormula1 && name === 'f') target = 'formula1'; // x14: <x14:formula1><xm:f>
          break;
        case 'is':
          if (inCell) inline = '';
          break;
        case 'rPh':
          phoneticDepth++;
          break;
        case 't':
          if (inCell && inline !== undefined && phoneticDepth === 0) target = 'is';
          break;
        case 'mergeCell':
          addMerge(attrs.get('ref') ?? '');
          break;
        case 'dataValidation':
          validation = { sqref: attrs.get('sqref') ?? '', type: attrs.get('type') ?? 'none' };
          break;
        case 'formula1':
          inFormula1 = true;
          if (validation) target = 'formula1';
          break;
        case 'sqref':
          if (validation) target = 'sqref';
          break;
      }
      handler.wantText = target !== undefined;
    },
    close(name: string) {
      switch (name) {
        case 'c':
          finishCell();
          inCell = false;
          break;
        case 'rPh':
          phoneticDepth = Math.max(0, phoneticDepth - 1);
          break;
        case 'formula1':
          inFormula1 = false;
          break;
        case 'dataValidation':
          if (validation) addValidation(validation);
          validation = undefined;
          break;
      }
      if (name === 'v' || name === 'f' || name === 't' || name === 'formula1' || name === 'sqref') target = undefined;
      handler.wantText = target !== undefined;
    },
    text(text: string) {
      if (target === 'v') value = (value ?? '') + text;
      else if (target === 'f') formula += text;
      else if (target === 'is') inline += text;
      else if (target === 'formula1' && validation) validation.formula1 = (validation.formula1 ?? '') + text;
      else if (target === 'sqref' && validation) validation.sqref += (validation.sqref ? ' ' : '') + text.trim();
    },
  };

  const addMerge = (ref: string) => {
    let normalised = plainRange(ref);
    if (normalised === undefined) {
      const range = parseRange(ref);
      if (!range) return warn('XLSX_READ_BAD_RANGE', ref, '合并区域无效，已忽略');
      normalised = formatRange(range.from, range.to);
    }
    if (merges.length >= ctx.limits.maxMergesPerSheet) {
      throw new Refusal('XLSX_READ_TOO_MANY_MERGES', { sheet: ctx.sheet, limit: ctx.limits.maxMergesPerSheet });
    }
    merges.push(normalised);
  };

  const addValidation = (v: DataValidationSnapshot) => {
    if (validations.length >= ctx.limits.maxValidationsPerSheet) {
      throw new Refusal('XLSX_READ_TOO_MANY_VALIDATIONS', { sheet: ctx.sheet, limit: ctx.limits.maxValidationsPerSheet });
    }
    if (v.formula1 !== undefined) {
      const items = listItems(v.formula1);
      if (v.type === 'list' && items) v.listItems = items;
    }
    validations.push(v);
  };

  scanXml(xml, handler);
  if (!sorted) {
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    // Two cells at one address: keep the first, as the file's order is all there is to go by.
    let kept = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      const prev = cells[kept - 1];
      if (!prev || prev.row !== c.row || prev.col !== c.col) cells[kept++] = c;
    }
    cells.length = kept;
  }
  return { cells, merges, dataValidations: validations };
}
