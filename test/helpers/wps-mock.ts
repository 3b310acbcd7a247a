/**
 * A mock of WPS 表格's (ET's) object model, for the adapter in src/wps. No
 * WPS runs where the tests run, so this answers as WPS's documentation and
 * the public add-ins that use it say ET answers (docs/wps-support.md lists
 * each assumption and where it comes from). The main ones:
 * - synchronous, VBA-like: `Application.ActiveWorkbook.Worksheets.Item(i|name)`
 *   (1-based; a missing name throws), `Worksheets.Add(before, after)` names the
 *   new sheet `SheetN`, `Worksheet.Name` refuses a taken name (case-insensitive),
 *   more than 31 characters and `[]:*?/\`;
 * - a structure-protected workbook refuses adding, deleting, renaming and hiding sheets;
 * - `Range.Value2` is a 2-D array for a block, the bare value for one cell; setting it is
 *   typing: `=…` becomes a formula, `2024-06-30` a date serial with a date format,
 *   `007` the number 7, `TRUE` a boolean — unless the cell's format is `@` (text);
 *   a leading `'` is eaten as the prefix character;
 * - `NumberFormat` reads as one string when the cells share it, else null;
 * - `MergeCells` reads true, false or null (partly merged);
 * - `Delete()` asks the user unless `DisplayAlerts` is false (counted here as a prompt), and a
 *   very hidden sheet cannot be deleted; locked cells of a protected sheet refuse writes;
 * - colours are BGR integers; a cell without fill has `Interior.Pattern` xlNone (-4142).
 * Every host call the adapter makes is counted per kind, and `failOn` makes the
 * n-th call of a kind throw, to test errors half way.
 */
import { columnLetter, parseCellRef } from '../../src/core/workbook/a1';
import { rangeProxy } from './wps-mock-range';

export { typed } from './wps-mock-range';
import { blankCell, blankSheet, type MockCell, type MockSheet, type MockWorld } from './wps-mock-types';

export type { MockCell, MockSheet, MockWorld } from './wps-mock-types';

const XL_VISIBLE = -1;
const XL_VERY_HIDDEN = 2;

export class WpsError extends Error {}

export interface WpsMock {
  app: any;
  world: MockWorld;
  sheet(name: string): MockSheet;
  /** Makes the n-th (1-based) host call of `kind` (e.g. `Value2=`, `Name=`, `Add`, `Merge`) throw. */
  failOn(kind: string, n: number): void;
  calls(kind: string): number;
  /** Sheet names in tab order. */
  names(): string[];
}

export function wpsMock(existing: Partial<MockSheet>[] = [{ name: 'Sheet1' }]): WpsMock {
  const world: MockWorld = { sheets: [], names: [], protectStructure: false, displayAlerts: true, screenUpdating: true, prompts: 0, counts: new Map(), failures: new Map(), active: undefined, freezes: [], date1904: false };
  for (const s of existing) world.sheets.push({ ...blankSheet(s.name ?? `Sheet${world.sheets.length + 1}`), ...s });
  world.active = world.sheets[0];
  const call = (kind: string) => {
    const n = (world.counts.get(kind) ?? 0) + 1;
    world.counts.set(kind, n);
    if (world.failures.get(kind) === n) throw new WpsError(`模拟的 WPS 错误（${kind} 第 ${n} 次）`);
  };
  world.call = call;
  const refuseIfLocked = () => {
    if (world.protectStructure) throw new WpsError('工作簿结构受保护，不能更改');
  };
  const find = (name: string) => world.sheets.find((s) => s.name === name);
  const worksheetProxy = (sheet: MockSheet): any => ({
    get Name() {
      return sheet.name;
    },
    set Name(value: string) {
      call('Name=');
      refuseIfLocked();
      if (value.length > 31 || /[[\]:*?/\\]/.test(value) || value === '') throw new WpsError(`工作表名称无效：${value}`);
      if (world.sheets.some((s) => s !== sheet && s.name.toLowerCase() === value.toLowerCase())) throw new WpsError(`工作表名称已存在：${value}`);
      sheet.name = value;
    },
    get Visible() {
      return sheet.visible;
    },
    set Visible(value: number) {
      call('Visible=');
      refuseIfLocked();
      sheet.visible = value;
    },
    Range: (address: string) => rangeProxy(world, sheet, address),
    get UsedRange() {
      return rangeProxy(world, sheet, usedAddress(sheet));
    },
    PageSetup: sheet.pageSetup,
    Tab: sheet.tab,
    get ProtectContents() {
      return sheet.protection !== undefined;
    },
    get Protection() {
      return { ...(sheet.protection?.options ?? {}) };
    },
    get EnableSelection() {
      return sheet.enableSelection;
    },
    set EnableSelection(value: number) {
      sheet.enableSelection = value;
    },
    Hyperlinks: {
      Add: (anchor: any, address: string, subAddress: string, _tip: string, text: string) => {
        call('Hyperlinks.Add');
        sheet.links.push({ cell: anchor.Address.replace(/\$/g, ''), address, subAddress, text });
      },
    },
    Protect: (password: string, _d: boolean, _c: boolean, _s: boolean, _u: boolean, cells: boolean, columns: boolean, rows: boolean, ...rest: boolean[]) => {
      call('Protect');
      sheet.protection = { password: password ?? '', options: { AllowFormattingCells: !!cells, AllowFormattingColumns: !!columns, AllowFormattingRows: !!rows, AllowSorting: !!rest[5], AllowFiltering: !!rest[6] } };
    },
    Unprotect: (password = '') => {
      call('Unprotect');
      if (sheet.protection && sheet.protection.password !== password) throw new WpsError('密码不正确');
      sheet.protection = undefined;
    },
    Activate: () => {
      call('Activate');
      world.active = sheet;
    },
    Delete: () => {
      call('Delete');
      refuseIfLocked();
      if (world.displayAlerts) world.prompts++;
      if (sheet.visible === XL_VERY_HIDDEN) throw new WpsError('不能删除深度隐藏的工作表');
      world.sheets.splice(world.sheets.indexOf(sheet), 1);
      if (world.active === sheet) world.active = world.sheets[0];
    },
  });
  const proxies = new WeakMap<MockSheet, any>();
  const proxyOf = (sheet: MockSheet) => {
    if (!proxies.has(sheet)) proxies.set(sheet, worksheetProxy(sheet));
    return proxies.get(sheet);
  };
  const worksheets = {
    get Count() {
      return world.sheets.length;
    },
    Item: (index: number | string) => {
      const sheet = typeof index === 'number' ? world.sheets[index - 1] : find(index);
      if (!sheet) throw new WpsError(`下标越界：${index}`);
      return proxyOf(sheet);
    },
    Add: (before?: any, after?: any) => {
      call('Add');
      refuseIfLocked();
      let n = world.sheets.length + 1;
      while (world.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      const sheet = blankSheet(`Sheet${n}`);
      const anchor = (after ?? before) && world.sheets.find((s) => s.name === (after ?? before).Name);
      const at = anchor ? world.sheets.indexOf(anchor) + (after ? 1 : 0) : world.active ? world.sheets.indexOf(world.active) : 0;
      world.sheets.splice(at, 0, sheet);
      world.active = sheet;
      return proxyOf(sheet);
    },
  };
  const workbook = {
    Name: '工作簿1.xlsx',
    Worksheets: worksheets,
    get Date1904() {
      return world.date1904;
    },
    get ProtectStructure() {
      return world.protectStructure;
    },
    Names: {
      get Count() {
        return world.names.length;
      },
      Item: (i: number) => world.names[i - 1],
      Add: (name: string, refersTo: string) => {
        call('Names.Add');
        const item = { Name: name, RefersTo: refersTo };
        world.names.push(item);
        return item;
      },
    },
  };
  const app = {
    Name: 'WPS 表格',
    ActiveWorkbook: workbook,
    Workbooks: { Count: 1 },
    ActiveWindow: {
      set SplitRow(v: number) {
        world.split = { ...(world.split ?? { rows: 0, columns: 0 }), rows: v };
      },
      set SplitColumn(v: number) {
        world.split = { ...(world.split ?? { rows: 0, columns: 0 }), columns: v };
      },
      set FreezePanes(on: boolean) {
        if (on && world.active) world.freezes.push({ sheet: world.active, ...(world.split ?? { rows: 0, columns: 0 }) });
      },
    },
    get DisplayAlerts() {
      return world.displayAlerts;
    },
    set DisplayAlerts(v: boolean) {
      world.displayAlerts = v;
    },
    get ScreenUpdating() {
      return world.screenUpdating;
    },
    set ScreenUpdating(v: boolean) {
      world.screenUpdating = v;
    },
  };
  return {
    app,
    world,
    sheet: (name) => {
      const s = find(name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    },
    failOn: (kind, n) => world.failures.set(kind, n),
    calls: (kind) => world.counts.get(kind) ?? 0,
    names: () => world.sheets.map((s) => s.name),
  };
}

/** Like Excel's: from the first to the last row and column that hold a value or a formula (`$A$1` when the sheet is empty). */
export function usedAddress(sheet: MockSheet): string {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [key, cell] of sheet.cells) {
    if ((cell.value === '' || cell.value === null || cell.value === undefined) && !cell.formula) continue;
    const ref = parseCellRef(key)!;
    top = Math.min(top, ref.row);
    left = Math.min(left, ref.col);
    bottom = Math.max(bottom, ref.row);
    right = Math.max(right, ref.col);
  }
  if (bottom === 0) return '$A$1';
  return `$${columnLetter(left)}$${top}:$${columnLetter(right)}$${bottom}`;
}

export { XL_VISIBLE };

const CVERR: Record<string, number> = { '#DIV/0!': -2146826281, '#N/A': -2146826246, '#NAME?': -2146826259, '#NULL!': -2146826288, '#NUM!': -2146826252, '#REF!': -2146826265, '#VALUE!': -2146826273 };

/**
 * A workbook as the file reader saw it, open in the mocked WPS: the same
 * cells (dates as serials with their format, errors as CVErr codes, formulas
 * with cached results), merges, visibility and workbook names; sheets whose
 * name starts with `protectPrefix` are protected without a password.
 */
export function wpsFromWorkbook(book: import('../../src/core/workbook/snapshot').WorkbookSnapshot, protectPrefix = '一', extra: Partial<MockSheet>[] = []): WpsMock {
  const sheets = book.sheets.map((s): Partial<MockSheet> => {
    const cells = new Map<string, MockCell>();
    for (const c of s.cells) {
      const value = c.type === 'error' ? CVERR[String(c.value)] ?? String(c.value) : c.value;
      cells.set(c.address, { ...blankCell(), value, format: c.numFmt ?? 'General', ...(c.formula !== undefined ? { formula: `=${c.formula}` } : {}) });
    }
    return {
      name: s.name,
      visible: s.state === 'veryHidden' ? XL_VERY_HIDDEN : s.state === 'hidden' ? 0 : XL_VISIBLE,
      cells,
      merges: [...s.merges],
      ...(s.name.startsWith(protectPrefix) ? { protection: { password: '', options: { AllowFormattingCells: false, AllowFormattingColumns: false, AllowFormattingRows: false, AllowSorting: true, AllowFiltering: false } } } : {}),
    };
  });
  const mock = wpsMock(sheets.concat(extra));
  mock.world.date1904 = book.date1904;
  for (const n of book.definedNames) if (n.localSheet === undefined) mock.world.names.push({ Name: n.name, RefersTo: `=${n.ref}` });
  return mock;
}
