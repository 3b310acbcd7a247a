/** `Range` of the WPS 表格 mock: addresses, values typed as a user types them, formats, merges, validation, comments. */
import { cellRef, MAX_COL, MAX_ROW, parseCellRef } from '../../src/core/workbook/a1';
import { excelSerialFromIso } from '../../src/core/workbook/serial-dates';
import { blankCell, PATTERN_NONE, WHITE, type MockCell, type MockSheet, type MockWorld } from './wps-mock-types';

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `A1`, `$A$1:$C$3`, `A:C` (whole columns), `2:5` (whole rows). */
export function parseBox(address: string): Box {
  const [a, b = a] = address.replace(/\$/g, '').split(':') as [string, string?];
  if (/^[A-Z]+$/i.test(a) && /^[A-Z]+$/i.test(b!)) {
    return { top: 1, bottom: MAX_ROW, left: parseCellRef(`${a}1`)!.col, right: parseCellRef(`${b}1`)!.col };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b!)) return { top: Number(a), bottom: Number(b), left: 1, right: MAX_COL };
  const from = parseCellRef(a);
  const to = parseCellRef(b!);
  if (!from || !to) throw new Error(`mock: bad address ${address}`);
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

const VALIDATION_FIELDS = ['IgnoreBlank', 'InCellDropdown', 'InputTitle', 'InputMessage', 'ErrorTitle', 'ErrorMessage', 'ShowInput', 'ShowError'];
const overlaps = (x: Box, y: Box) => x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom;
const absolute = (b: Box) => {
  const abs = (col: number, row: number) => cellRef(col, row).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return b.top === b.bottom && b.left === b.right ? abs(b.left, b.top) : `${abs(b.left, b.top)}:${abs(b.right, b.bottom)}`;
};

/** What typing `text` into a cell of format `format` stores (ET's documented behaviour, as Excel's). */
export function typed(text: unknown, format: string): Pick<MockCell, 'value' | 'formula'> & { format?: string } {
  if (typeof text !== 'string') return { value: text as MockCell['value'] };
  if (format === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (/^[=+\-@]./.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) return { value: 0, formula: text.startsWith('=') ? text : `=${text}` };
  const date = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (date) {
    const serial = excelSerialFromIso(`${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`);
    if (serial !== undefined) return { value: serial, format: format === 'General' ? 'yyyy/m/d' : format };
  }
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?%?$/i.test(text.trim())) return { value: Number(text.trim().replace('%', '')) / (text.includes('%') ? 100 : 1) };
  if (/^(true|false)$/i.test(text)) return { value: /^true$/i.test(text) };
  return { value: text };
}

function typedValue(raw: unknown, cell: MockCell): void {
  const got = typed(raw === undefined || raw === null ? '' : raw, cell.format);
  cell.value = got.value === '' ? undefined : got.value;
  if (got.formula) cell.formula = got.formula;
  else delete cell.formula;
  if (got.format) cell.format = got.format;
}

export function rangeProxy(world: MockWorld, sheet: MockSheet, address: string): any {
  const box = parseBox(address);
  const call = (kind: string) => world.call!(kind);
  const each = (fn: (cell: MockCell, row: number, col: number) => void) => {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const key = cellRef(c, r);
        let cell = sheet.cells.get(key);
        if (!cell) sheet.cells.set(key, (cell = blankCell()));
        fn(cell, r, c);
      }
    }
  };
  const peek = (row: number, col: number) => sheet.cells.get(cellRef(col, row)) ?? blankCell();
  const grid = <T,>(fn: (cell: MockCell) => T): T | T[][] => {
    if (box.top === box.bottom && box.left === box.right) return fn(peek(box.top, box.left));
    const rows: T[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const line: T[] = [];
      for (let c = box.left; c <= box.right; c++) line.push(fn(peek(r, c)));
      rows.push(line);
    }
    return rows;
  };
  const guardLocked = () => {
    if (!sheet.protection) return;
    each((cell) => {
      if (cell.locked) throw new Error('单元格受保护，不能更改');
    });
  };
  const style = (prop: string) => ({
    set(value: unknown) {
      call(`${prop}=`);
      sheet.styles.push({ address, prop, value });
    },
  });
  const mergeAt = (row: number, col: number) => sheet.merges.map(parseBox).find((m) => overlaps(m, { top: row, bottom: row, left: col, right: col }));
  const validationRecord = () => sheet.validations.find((v) => v.address === address);
  return {
    get Value2() {
      call('Value2');
      return grid((c) => c.value);
    },
    set Value2(value: unknown) {
      call('Value2=');
      guardLocked();
      const rows = box.bottom - box.top + 1;
      const cols = box.right - box.left + 1;
      if (Array.isArray(value)) {
        if (value.length !== rows || value.some((line) => !Array.isArray(line) || line.length !== cols)) throw new Error(`mock: ${rows}×${cols} range given another shape`);
        each((cell, r, c) => typedValue((value as unknown[][])[r - box.top]![c - box.left], cell));
      } else each((cell) => typedValue(value, cell));
    },
    get Formula() {
      return grid((c) => c.formula ?? (c.value === undefined ? '' : c.value));
    },
    get NumberFormat(): unknown {
      const formats = new Set<string>();
      for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) formats.add(peek(r, c).format);
      return formats.size === 1 ? [...formats][0] : null;
    },
    set NumberFormat(format: unknown) {
      call('NumberFormat=');
      guardLocked();
      each((cell) => {
        cell.format = String(format);
      });
    },
    get Address() {
      return absolute(box);
    },
    Row: box.top,
    Column: box.left,
    Rows: { Count: box.bottom - box.top + 1 },
    Columns: { Count: box.right - box.left + 1 },
    Font: { set Name(v: string) { style('Font.Name').set(v); }, set Size(v: number) { style('Font.Size').set(v); }, set Bold(v: boolean) { style('Font.Bold').set(v); }, set Color(v: number) { style('Font.Color').set(v); } },
    Borders: { set LineStyle(v: number) { style('Borders.LineStyle').set(v); }, set Weight(v: number) { style('Borders.Weight').set(v); } },
    set HorizontalAlignment(v: number) { style('HorizontalAlignment').set(v); },
    set VerticalAlignment(v: number) { style('VerticalAlignment').set(v); },
    set WrapText(v: boolean) { style('WrapText').set(v); },
    Interior: {
      get Color() {
        return peek(box.top, box.left).fill;
      },
      set Color(v: number) {
        call('Interior.Color=');
        guardLocked();
        each((cell) => {
          cell.fill = v;
          cell.pattern = 1;
        });
      },
      get Pattern() {
        return peek(box.top, box.left).pattern;
      },
      set Pattern(v: number) {
        call('Interior.Pattern=');
        guardLocked();
        each((cell) => {
          cell.pattern = v;
          if (v === PATTERN_NONE) cell.fill = WHITE;
        });
      },
    },
    set Locked(v: boolean) {
      call('Locked=');
      each((cell) => {
        cell.locked = v;
      });
    },
    set ColumnWidth(v: number) {
      call('ColumnWidth=');
      for (let c = box.left; c <= box.right; c++) sheet.columns.set(c, { ...sheet.columns.get(c), width: v });
    },
    EntireColumn: {
      set Hidden(v: boolean) {
        for (let c = box.left; c <= box.right; c++) sheet.columns.set(c, { ...sheet.columns.get(c), hidden: v });
      },
    },
    set RowHeight(v: number) {
      call('RowHeight=');
      for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, v);
    },
    get MergeCells() {
      let merged = 0;
      let total = 0;
      for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++, total++) if (mergeAt(r, c)) merged++;
      return merged === 0 ? false : merged === total ? true : null;
    },
    get MergeArea() {
      const m = mergeAt(box.top, box.left);
      return rangeProxy(world, sheet, m ? absolute(m) : absolute({ ...box, bottom: box.top, right: box.left }));
    },
    Merge() {
      call('Merge');
      if (sheet.merges.some((m) => overlaps(parseBox(m), box))) throw new Error('mock: merge overlaps a merged area');
      sheet.merges.push(absolute(box).replace(/\$/g, ''));
    },
    get Validation() {
      const validation: Record<string, unknown> = {
        Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string) {
          call('Validation.Add');
          // As in Excel: a range that already has validation refuses Add until Delete.
          if (sheet.validations.some((v) => overlaps(parseBox(v.address), box))) throw new Error('mock: range already has validation');
          sheet.validations.push({ address, type, alertStyle, operator, formula1, formula2 });
        },
        Delete() {
          sheet.validations = sheet.validations.filter((v) => !overlaps(parseBox(v.address), box));
        },
      };
      for (const field of VALIDATION_FIELDS) {
        Object.defineProperty(validation, field, {
          get: () => validationRecord()?.[field],
          set: (value: unknown) => {
            const record = validationRecord();
            if (!record) throw new Error(`mock: ${field} set on a range without validation`);
            record[field] = value;
          },
        });
      }
      return validation;
    },
    FormatConditions: {
      Add(type: number, _operator?: number, formula1?: string) {
        call('FormatConditions.Add');
        const condition = { address, type, formula1, Interior: {}, Font: {} };
        sheet.formatConditions.push(condition);
        return condition;
      },
    },
    get Comment() {
      const cell = peek(box.top, box.left);
      if (cell.comment === undefined) return null;
      return {
        Text: () => cell.comment!,
        Delete: () => {
          call('Comment.Delete');
          delete cell.comment;
        },
      };
    },
    AddComment(text: string) {
      call('AddComment');
      guardLocked();
      const cell = sheet.cells.get(cellRef(box.left, box.top)) ?? blankCell();
      if (cell.comment !== undefined) throw new Error('mock: the cell already has a comment');
      cell.comment = text;
      sheet.cells.set(cellRef(box.left, box.top), cell);
    },
    AutoFilter() {
      call('AutoFilter');
      sheet.autoFilter = address;
    },
    Select() {
      if (world.active !== sheet) throw new Error('mock: select on a sheet that is not active');
      world.selected = { sheet: sheet.name, address };
    },
    Cells: { Item: (row: number, col: number) => rangeProxy(world, sheet, cellRef(box.left + col - 1, box.top + row - 1)) },
  };
}
