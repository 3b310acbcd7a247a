/**
 * A mocked Excel workbook on office-addin-mock. The mock has no address
 * semantics and no deferred execution (a property set applies at once), so
 * this records what our code queues: every range it touches with what was
 * set on it, sheets added, renamed, deleted. Collections (`worksheets`,
 * `names`, `comments`) get their own `load`, because office-addin-mock
 * cannot load `items/name`; used ranges are real mock objects that must be
 * loaded and synced before their values can be read. Counting `context.sync`
 * and making the n-th sync fail is what the tests use it for.
 *
 * Where Microsoft's reference (or a confirmed OfficeDev/office-js issue) says
 * how Excel answers, the mock answers so: getItemByCell throws ItemNotFound on
 * a cell without a comment; a structure-protected workbook refuses adding,
 * deleting, renaming and hiding sheets; protect() on a protected sheet and
 * unprotect() on an unprotected one throw; setting visibility needs 1.2 and
 * selectionMode 1.7; a very hidden sheet cannot be deleted; a used range over
 * 5,000,000 cells reads as null; more than 512 merged areas fail; a request
 * over the payload limit is refused whole. A failing call throws at once
 * (see excel-mock-sheet.ts).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeEnv } from '../../src/office/env';
import { jsonBytes } from '../../src/office/write-ops';
import { sheetMock } from './excel-mock-sheet';
import { OfficeError, type MockOptions, type MockState, type MockWorld, type SheetState } from './excel-mock-types';

export { OfficeError, type MockOptions, type RangeRecord, type SheetState, type UsedRangeData } from './excel-mock-types';

export interface ExcelMock extends MockState {
  env: OfficeEnv;
  context: any;
  /** Makes the n-th sync (1-based) throw `error`; with `onward`, every sync from the n-th on (the pane closed). */
  failSync(n: number, error: unknown, onward?: boolean): void;
  syncs(): number;
  live(): SheetState[];
  /** Turns workbook structure protection on or off (the user did it in Excel). */
  protectWorkbook(on: boolean): void;
}

/** Names of the sheets in an .xlsx given as base64, in tab order. */
export function sheetNamesInXlsx(base64: string): string[] {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  const xml = strFromU8(files['xl/workbook.xml']!);
  return [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'"));
}

const plainAddress = (a: string) => a.replace(/\$/g, '').replace(/^'(.*)'!/, (_, s: string) => `${s.replace(/''/g, "'")}!`);

export function excelMock(minor: number, existing: Partial<SheetState>[] = [{ name: 'Sheet1' }], options: MockOptions = {}): ExcelMock {
  const holder: any = new OfficeMockObject({ host: 'excel' } as any);
  let counter = 0;
  let syncCount = () => 0;
  const state: MockState = {
    sheets: [],
    ranges: [],
    names: [],
    comments: [],
    inserted: [],
    calls: { suspend: 0, calcSets: [], freezes: [], activations: [], usedReads: [] },
    workbookProtected: options.workbookProtected ?? false,
  };
  const world: MockWorld = {
    minor,
    state,
    syncs: () => syncCount(),
    attach: (data) => {
      const key = `o${++counter}`;
      holder.addMock(key);
      holder[key].populate(data);
      return holder[key];
    },
  };
  const live = () => state.sheets.filter((s) => !s.deleted);
  const find = (name: string) => live().find((s) => s.name.toLowerCase() === name.toLowerCase());

  const makeSheet = (init: Partial<SheetState>, added: boolean): SheetState => {
    const sheet: SheetState = {
      name: init.name ?? 'Sheet',
      visibility: init.visibility ?? 'Visible',
      added,
      ...(added ? { addedInBatch: syncCount() + 1 } : {}),
      deleted: false,
      protection: init.protection ?? { protected: false, options: {} },
      ...(init.used ? { used: init.used } : {}),
      mock: undefined,
    };
    sheet.mock = sheetMock(world, sheet);
    state.sheets.push(sheet);
    return sheet;
  };
  for (const init of existing) makeSheet(init, false);
  state.active = live()[0];

  const getItem = (name: string) => {
    const sheet = find(name);
    if (!sheet) throw new OfficeError('ItemNotFound', `没有工作表 ${name}`, 'WorksheetCollection.getItem');
    return sheet.mock;
  };
  const worksheets: any = {
    add: (name: string) => {
      if (state.workbookProtected) throw new OfficeError('AccessDenied', 'The workbook structure is protected.', 'WorksheetCollection.add');
      if (find(name)) throw new OfficeError('ItemAlreadyExists', `工作表 ${name} 已存在`, 'WorksheetCollection.add');
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
  const liveComment = (at: string) => state.comments.find((c) => !c.deleted && plainAddress(c.at) === plainAddress(at));
  const comments: any = {
    add: (at: string, text: string) => {
      if (liveComment(at)) throw new OfficeError('InvalidOperation', 'The cell already has a comment.', 'CommentCollection.add');
      state.comments.push({ at, text, deleted: false });
    },
    // "Gets the comment from the specified cell. If there is no comment in the cell, an error is thrown."
    getItemByCell: (at: string) => {
      const comment = liveComment(at);
      if (!comment) throw new OfficeError('ItemNotFound', 'The requested resource doesn’t exist.', 'CommentCollection.getItemByCell');
      return { delete: () => (comment.deleted = true) };
    },
    load: () => {
      comments.items = state.comments
        .filter((c) => !c.deleted)
        .map((c) => ({ content: c.text, getLocation: () => ({ load: () => ({ address: c.at }) }), delete: () => (c.deleted = true) }));
      return comments;
    },
  };
  const protection: any = {
    load: () => {
      // WorkbookProtection is [Api set: ExcelApi 1.7].
      if (minor < 7) throw new OfficeError('ApiNotFound', 'The API you are trying to use could not be found.', 'Workbook.protection');
      return protection;
    },
  };
  Object.defineProperty(protection, 'protected', { get: () => state.workbookProtected, enumerable: true });
  let calculationMode = 'Automatic';
  const application: any = {
    suspendScreenUpdatingUntilNextSync: () => state.calls.suspend++,
    load: () => application,
  };
  Object.defineProperty(application, 'calculationMode', {
    get: () => calculationMode,
    set: (v: string) => {
      state.calls.calcSets.push(v);
      calculationMode = v;
    },
    enumerable: true,
  });
  const context: any = new OfficeMockObject({
    workbook: {
      insertWorksheetsFromBase64: (base64: string) => {
        if (state.workbookProtected) throw new OfficeError('AccessDenied', 'The workbook structure is protected.', 'Workbook.insertWorksheetsFromBase64');
        const fault = () => new OfficeError('GeneralException', 'There was an internal error while processing the request.', 'Workbook.insertWorksheetsFromBase64');
        if (options.insert === 'throw') throw fault();
        state.inserted.push(base64);
        for (const name of sheetNamesInXlsx(base64)) makeSheet({ name }, true);
        if (options.insert === 'insertThenThrow') throw fault();
      },
    },
    holder: {},
  } as any);
  context.holder = holder; // reachable from context.sync
  context._properties.set('holder', holder);
  Object.assign(context.workbook, { worksheets, names, comments, protection, application });

  const sync = jest.spyOn(context, 'sync');
  syncCount = () => sync.mock.calls.length;
  const failures = new Map<number, unknown>();
  let failFrom: { n: number; error: unknown } | undefined;
  const realSync = OfficeMockObject.prototype.sync;
  /** A request over the limit is refused before any of it runs: take back what the mock already applied. */
  const refuseIfTooLarge = (batch: number) => {
    if (options.payloadLimit === undefined) return;
    const mine = state.ranges.filter((r) => r.batch === batch);
    const bytes = mine.reduce((n, r) => n + jsonBytes(r.values ?? null) + jsonBytes(r.numberFormat ?? null), 0);
    if (bytes <= options.payloadLimit) return;
    for (const r of mine) state.ranges.splice(state.ranges.indexOf(r), 1);
    for (const s of state.sheets) if (s.addedInBatch === batch) s.deleted = true;
    throw new OfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
  };
  sync.mockImplementation(async function (this: unknown) {
    const n = sync.mock.calls.length;
    const error = failures.get(n) ?? (failFrom && n >= failFrom.n ? failFrom.error : undefined);
    if (error) throw error;
    refuseIfTooLarge(n);
    await realSync.call(context);
    // office-addin-mock updates loaded properties in un-awaited forEach callbacks, a microtask per level: let them settle.
    await new Promise((resolve) => setImmediate(resolve));
  });
  const env: OfficeEnv = {
    run: (batch) => batch(context),
    isSetSupported: (version) => Number(version.split('.')[1]) <= minor,
  };
  const mock: ExcelMock = Object.assign(state, {
    env,
    context,
    failSync: (n: number, error: unknown, onward = false) => {
      if (onward) failFrom = { n, error };
      else failures.set(n, error);
    },
    syncs: () => sync.mock.calls.length,
    live,
    protectWorkbook: (on: boolean) => {
      state.workbookProtected = on;
    },
  });
  return mock;
}
