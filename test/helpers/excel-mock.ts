/**
 * A mocked Excel workbook on office-addin-mock. The mock has no address
 * semantics and no deferred execution (a property set applies at once), so
 * this records what our code queues: every range it touches with what was
 * set on it, sheets added, renamed, deleted. Collections (`worksheets`,
 * `names`, `comments`) get their own `load`, because office-addin-mock
 * cannot load `items/name`; used ranges are real mock objects that must be
 * loaded and synced before their values can be read. Counting `context.sync`
 * and making the n-th sync fail is what the tests use it for.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeEnv } from '../../src/office/env';

export interface RangeRecord {
  sheet: string;
  address: string;
  /** Which request it went in: the number of syncs made before it was queued, plus one. */
  batch: number;
  [prop: string]: unknown;
}

export interface UsedRangeData {
  address: string;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  merges?: string;
}

export interface SheetState {
  name: string;
  visibility: string;
  /** Set when the sheet came from this run (added or inserted). */
  added: boolean;
  deleted: boolean;
  protection: { protected: boolean; options: Record<string, unknown> };
  used?: UsedRangeData;
  mock: any;
}

export class OfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export interface ExcelMock {
  env: OfficeEnv;
  context: any;
  sheets: SheetState[];
  ranges: RangeRecord[];
  names: { name: string; reference: string }[];
  comments: { at: string; text: string; deleted: boolean }[];
  inserted: string[];
  calls: { suspend: number };
  /** Makes the n-th sync (1-based) throw `error`. */
  failSync(n: number, error: unknown): void;
  syncs(): number;
  live(): SheetState[];
}

/** Names of the sheets in an .xlsx given as base64, in tab order. */
export function sheetNamesInXlsx(base64: string): string[] {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  const xml = strFromU8(files['xl/workbook.xml']!);
  return [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'"));
}

export function excelMock(minor: number, existing: Partial<SheetState>[] = [{ name: 'Sheet1' }]): ExcelMock {
  const holder: any = new OfficeMockObject({ host: 'excel' } as any);
  let counter = 0;
  let syncCount = () => 0;
  const state: Omit<ExcelMock, 'env' | 'context' | 'failSync' | 'syncs' | 'live'> = {
    sheets: [],
    ranges: [],
    names: [],
    comments: [],
    inserted: [],
    calls: { suspend: 0 },
  };
  const attach = (data: Record<string, unknown>): any => {
    const key = `o${++counter}`;
    holder.addMock(key);
    holder[key].populate(data);
    return holder[key];
  };
  const live = () => state.sheets.filter((s) => !s.deleted);
  const find = (name: string) => live().find((s) => s.mock.name.toLowerCase() === name.toLowerCase());

  const rangeOf = (sheet: SheetState, address: string): any => {
    const record: RangeRecord = { sheet: sheet.mock.name, address, batch: syncCount() + 1 };
    state.ranges.push(record);
    const fill: any = { clear: () => (record.fillCleared = true), load: () => fill };
    Object.defineProperty(fill, 'pattern', { get: () => (record.fillColor ? 'Solid' : 'None'), enumerable: true });
    Object.defineProperty(fill, 'color', { get: () => record.fillColor ?? '#FFFFFF', set: (v) => (record.fillColor = v), enumerable: true });
    const range: any = {
      format: { font: {}, fill, borders: { getItem: () => ({}) }, protection: {} },
      dataValidation: {},
      conditionalFormats: { add: () => ({ custom: { rule: {}, format: { fill: {}, font: {} } } }) },
      merge: () => (record.merged = true),
      select: () => (record.selected = true),
      load: () => range,
    };
    for (const prop of ['values', 'numberFormat', 'hyperlink', 'columnHidden']) {
      Object.defineProperty(range, prop, { set: (v) => (record[prop] = v), get: () => record[prop], enumerable: true });
    }
    record.range = range;
    return range;
  };

  const makeSheet = (init: Partial<SheetState>, added: boolean): SheetState => {
    const sheet: SheetState = {
      name: init.name ?? 'Sheet',
      visibility: init.visibility ?? 'Visible',
      added,
      deleted: false,
      protection: init.protection ?? { protected: false, options: {} },
      ...(init.used ? { used: init.used } : {}),
      mock: undefined,
    };
    const used = (): any => {
      const data = sheet.used ?? { address: `${sheet.name}!A1`, values: [['']], valueTypes: [['Empty']], numberFormat: [['General']], formulas: [['']] };
      const merged = attach({ address: data.merges ?? '', isNullObject: !data.merges });
      return attach({ ...data, isNullObject: false, getMergedAreasOrNullObject: () => merged });
    };
    const protection: any = {
      protect: (options: Record<string, unknown>) => (sheet.protection = { protected: true, options }),
      unprotect: () => (sheet.protection = { protected: false, options: {} }),
      load: () => protection,
    };
    Object.defineProperty(protection, 'protected', { get: () => sheet.protection.protected });
    Object.defineProperty(protection, 'options', { get: () => sheet.protection.options });
    const mock = attach({});
    Object.assign(mock, {
      name: sheet.name,
      visibility: sheet.visibility,
      getRange: (address: string) => rangeOf(sheet, address),
      getRangeByIndexes: (r: number, c: number, h: number, w: number) => rangeOf(sheet, `R${r}C${c}:${h}x${w}`),
      getUsedRange: used,
      getUsedRangeOrNullObject: used,
      delete: () => (sheet.deleted = true),
      activate: () => (sheet.mock.active = true),
      protection,
      pageLayout: { setPrintArea: () => undefined, setPrintTitleRows: () => undefined, headersFooters: { defaultForAllPages: {} } },
      freezePanes: { freezeAt: () => undefined, freezeRows: () => undefined, freezeColumns: () => undefined },
      autoFilter: { apply: () => undefined },
    });
    sheet.mock = mock;
    state.sheets.push(sheet);
    return sheet;
  };
  for (const init of existing) makeSheet(init, false);

  const getItem = (name: string) => {
    const sheet = find(name);
    if (!sheet) throw new OfficeError('ItemNotFound', `没有工作表 ${name}`);
    return sheet.mock;
  };
  const worksheets: any = {
    add: (name: string) => {
      if (find(name)) throw new OfficeError('ItemAlreadyExists', `工作表 ${name} 已存在`);
      return makeSheet({ name }, true).mock;
    },
    getItem,
    load: () => {
      worksheets.items = live().map((s) => s.mock);
      return worksheets;
    },
  };
  const names: any = {
    add: (name: string, reference: string) => state.names.push({ name, reference }),
    load: () => {
      names.items = state.names.map((n) => ({ name: n.name, type: 'Range', value: n.reference }));
      return names;
    },
  };
  const comments: any = {
    add: (at: string, text: string) => state.comments.push({ at, text, deleted: false }),
    getItemByCell: (at: string) => ({ delete: () => state.comments.filter((c) => c.at === at).forEach((c) => (c.deleted = true)) }),
    load: () => {
      comments.items = state.comments.filter((c) => !c.deleted).map((c) => ({ getLocation: () => ({ load: () => ({ address: c.at }) }) }));
      return comments;
    },
  };
  const context: any = new OfficeMockObject({
    workbook: {
      application: { calculationMode: 'Automatic' },
      insertWorksheetsFromBase64: (base64: string) => {
        state.inserted.push(base64);
        for (const name of sheetNamesInXlsx(base64)) makeSheet({ name }, true);
      },
    },
    holder: {},
  } as any);
  context.holder = holder; // reachable from context.sync
  context._properties.set('holder', holder);
  Object.assign(context.workbook, { worksheets, names, comments });
  context.workbook.application.suspendScreenUpdatingUntilNextSync = () => state.calls.suspend++;

  const sync = jest.spyOn(context, 'sync');
  syncCount = () => sync.mock.calls.length;
  const failures = new Map<number, unknown>();
  const realSync = OfficeMockObject.prototype.sync;
  sync.mockImplementation(async function (this: unknown) {
    const error = failures.get(sync.mock.calls.length);
    if (error) throw error;
    await realSync.call(context);
    // office-addin-mock updates loaded properties in un-awaited forEach callbacks, a microtask per level: let them settle.
    await new Promise((resolve) => setImmediate(resolve));
  });
  const env: OfficeEnv = {
    run: (batch) => batch(context),
    isSetSupported: (version) => Number(version.split('.')[1]) <= minor,
  };
  return {
    ...state,
    env,
    context,
    failSync: (n, error) => failures.set(n, error),
    syncs: () => sync.mock.calls.length,
    live,
  };
}
