/**
 * The cells a chart draws from, read out of the spec itself: each series is
 * written with its formula AND the values it points at (`strCache`,
 * `numCache`), so Excel, WPS and LibreOffice draw the chart as opened, without
 * recalculating, and a viewer that never recalculates still shows bars.
 */
import { TaizhangError } from '../../core/issues.js';
import { parseRange, type CellRef } from '../../core/workbook/a1.js';
import type { CellValue, ChartSpec, SheetSpec } from '../../core/workbook/spec.js';

export interface ChartRange {
  /** As written in the chart: `'图表'!$B$5:$B$9`. */
  ref: string;
  /** The cells' values in order; null where a cell is empty. */
  values: CellValue[];
}

export interface ChartData {
  categories: ChartRange;
  series: ChartRange[];
}

function fault(chart: ChartSpec, detail: string): TaizhangError {
  return new TaizhangError('FAULT_INTERNAL', { detail: `chart "${chart.title}": ${detail}` });
}

/** The cells of a one-row or one-column range, in order. */
function cellsOf(range: { from: CellRef; to: CellRef }): CellRef[] {
  const cells: CellRef[] = [];
  for (let row = range.from.row; row <= range.to.row; row++) {
    for (let col = range.from.col; col <= range.to.col; col++) cells.push({ row, col });
  }
  return cells;
}

/** Values of the listed cells, looking only at the rows they are in. */
function valuesAt(sheet: SheetSpec, cells: readonly CellRef[]): CellValue[] {
  const wanted = new Set(cells.map((c) => c.row));
  const byCell = new Map<string, CellValue>();
  for (const row of sheet.rows) {
    if (!wanted.has(row.row)) continue;
    for (const cell of row.cells) byCell.set(`${row.row}:${cell.col}`, cell.value);
  }
  return cells.map((c) => byCell.get(`${c.row}:${c.col}`) ?? null);
}

/**
 * `sheetRef` quotes the sheet name and makes the range absolute. A range that
 * is not one row or one column, or whose length differs from the categories',
 * is a bug in the builder: it throws rather than write a chart Excel repairs.
 */
export function chartData(sheet: SheetSpec, chart: ChartSpec, sheetRef: (sheet: string, range: string) => string): ChartData {
  const read = (text: string, what: string): { cells: CellRef[]; range: ChartRange } => {
    const range = parseRange(text);
    if (!range) throw fault(chart, `${what} range "${text}" is not an A1 range`);
    if (range.from.row !== range.to.row && range.from.col !== range.to.col) throw fault(chart, `${what} range "${text}" is not one row or one column`);
    const cells = cellsOf(range);
    return { cells, range: { ref: sheetRef(sheet.name, text), values: valuesAt(sheet, cells) } };
  };
  if (chart.series.length === 0) throw fault(chart, 'no series');
  const categories = read(chart.categories, 'categories');
  const series = chart.series.map((s) => {
    const values = read(s.values, `series "${s.name}"`);
    if (values.cells.length !== categories.cells.length) throw fault(chart, `series "${s.name}" has ${values.cells.length} values for ${categories.cells.length} categories`);
    return values.range;
  });
  return { categories: categories.range, series };
}
