/**
 * One mocked worksheet for excel-mock.ts: its ranges (recorded, not
 * evaluated), used range, protection and visibility, answering as
 * Microsoft's reference says Excel answers (see docs/excel-support.md for the
 * sources). The mock applies every call at once, so where Excel would fail a
 * batch at sync it throws at the call: nothing queued after it takes effect,
 * as in Excel, where the rest of a failed batch never runs.
 */
import { OfficeError, type MockWorld, type RangeRecord, type SheetState, type UsedRangeData } from './excel-mock-types';

/** Excel reads at most this many cells of a range; above it `values` can come back null (OfficeDev/office-js #4783, #6781). */
export const READ_CELL_LIMIT = 5_000_000;
/** `getMergedAreasOrNullObject` fails above this many merged areas ([Api set: ExcelApi 1.13] remarks). */
export const MERGED_AREA_LIMIT = 512;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells in `'Sheet'!A1:Z9` (1 for a single cell). */
export function cellCount(address: string): number {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from, to = from] = local.split(':').map((p) => /^([A-Z]+)(\d+)$/.exec(p ?? ''));
  if (!from || !to) return 1;
  return (Number(to[2]) - Number(from[2]) + 1) * (columnNumber(to[1]!) - columnNumber(from[1]!) + 1);
}

function rangeOf(world: MockWorld, sheet: SheetState, address: string): any {
  const record: RangeRecord = { sheet: sheet.name, address, batch: world.syncs() + 1 };
  Object.defineProperty(record, 'owner', { value: sheet, enumerable: false }); // the sheet, whatever it is called later
  world.state.ranges.push(record);
  // Formatting a cell of a protected sheet fails in Excel (the sheet refuses it unless formatting cells is allowed).
  const guard = () => {
    if (sheet.protection.protected && !sheet.protection.options.allowFormatCells) {
      throw new OfficeError('InvalidOperation', 'The cell you are trying to change is on a protected sheet.', 'RangeFill.color');
    }
  };
  const fill: any = {
    clear: () => {
      guard();
      record.fillCleared = true;
    },
    load: () => fill,
  };
  Object.defineProperty(fill, 'pattern', { get: () => (record.fillColor ? 'Solid' : 'None'), enumerable: true });
  Object.defineProperty(fill, 'color', {
    get: () => record.fillColor ?? '#FFFFFF',
    set: (v) => {
      guard();
      record.fillColor = v;
    },
    enumerable: true,
  });
  const range: any = {
    format: { font: {}, fill, borders: { getItem: () => ({}) }, protection: {} },
    dataValidation: {},
    conditionalFormats: { add: () => ({ custom: { rule: {}, format: { fill: {}, font: {} } } }) },
    merge: () => (record.merged = true),
    select: () => (record.selected = true),
    clear: () => (record.cleared = true),
    load: () => range,
  };
  for (const prop of ['values', 'numberFormat', 'hyperlink', 'columnHidden']) {
    Object.defineProperty(range, prop, { set: (v) => (record[prop] = v), get: () => record[prop], enumerable: true });
  }
  record.range = range;
  return range;
}

const typeOf = (v: unknown) => (v === '' || v === null || v === undefined ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');

/** What our own writes put into a sheet we added, as its used range: the last values written from A1 (the mock evaluates nothing). */
function writtenUsed(world: MockWorld, sheet: SheetState): UsedRangeData | undefined {
  if (!sheet.added) return undefined;
  const mine = world.state.ranges.filter((r) => r.owner === sheet && /^A1(:|$)/.test(r.address));
  const values = [...mine].reverse().find((r) => Array.isArray(r.values))?.values as unknown[][] | undefined;
  if (!values) return undefined;
  const formats = [...mine].reverse().find((r) => Array.isArray(r.numberFormat))?.numberFormat as unknown[][] | undefined;
  const cols = values[0]?.length ?? 1;
  const last = String.fromCharCode(64 + Math.min(cols, 26));
  return {
    address: `'${sheet.name.replace(/'/g, "''")}'!A1:${last}${values.length}`,
    values,
    valueTypes: values.map((row) => row.map(typeOf)),
    numberFormat: values.map((row, r) => row.map((_, c) => formats?.[r]?.[c] ?? 'General')),
    formulas: values,
  };
}

function usedRangeOf(world: MockWorld, sheet: SheetState): any {
  world.state.calls.usedReads.push(sheet.name);
  const data = sheet.used ?? writtenUsed(world, sheet) ?? { address: `${sheet.name}!A1`, values: [['']], valueTypes: [['Empty']], numberFormat: [['General']], formulas: [['']] };
  // Above the read limit Excel does not always throw: the cell arrays can come back null.
  const tooMany = cellCount(data.address) > READ_CELL_LIMIT;
  const arrays = tooMany ? { values: null, valueTypes: null, numberFormat: null, formulas: null } : {};
  const areas = data.merges ? data.merges.split(',').length : 0;
  const merged = world.attach({ address: data.merges ?? '', isNullObject: !data.merges, areaCount: areas });
  const { merges: _merges, ...plain } = data;
  return world.attach({
    ...plain,
    ...arrays,
    isNullObject: false,
    getMergedAreasOrNullObject: () => {
      if (areas > MERGED_AREA_LIMIT) throw new OfficeError('GeneralException', 'There was an internal error while processing the request.', 'Range.getMergedAreasOrNullObject');
      return merged;
    },
  });
}

function protectionOf(world: MockWorld, sheet: SheetState): any {
  const need = (minor: number, where: string) => {
    if (world.minor < minor) throw new OfficeError('ApiNotFound', 'The API you are trying to use could not be found.', where);
  };
  const protection: any = {
    protect: (options: Record<string, unknown> = {}, password?: string) => {
      need(2, 'WorksheetProtection.protect');
      // "Fails if the worksheet has already been protected"; seen as AccessDenied (OfficeDev/office-js #6784).
      if (sheet.protection.protected) throw new OfficeError('AccessDenied', 'You cannot perform the requested operation.', 'WorksheetProtection.protect');
      // selectionMode is [Api set: ExcelApi 1.7]; an option this Excel does not know is an invalid argument.
      if (options.selectionMode !== undefined && world.minor < 7) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'WorksheetProtection.protect');
      sheet.protection = { protected: true, options, ...(password ? { password } : {}) };
    },
    unprotect: (password?: string) => {
      need(2, 'WorksheetProtection.unprotect');
      if (!sheet.protection.protected) throw new OfficeError('AccessDenied', 'You cannot perform the requested operation.', 'WorksheetProtection.unprotect');
      if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
        throw new OfficeError('BadPassword', 'The password you supplied is incorrect.', 'WorksheetProtection.unprotect');
      }
      sheet.protection = { protected: false, options: {} };
    },
    load: () => protection,
  };
  Object.defineProperty(protection, 'protected', { get: () => sheet.protection.protected, enumerable: true });
  Object.defineProperty(protection, 'options', { get: () => sheet.protection.options, enumerable: true });
  return protection;
}

/** Builds the sheet's mock object (an office-addin-mock object attached so sync reaches it). */
export function sheetMock(world: MockWorld, sheet: SheetState): any {
  const structureLocked = (where: string) => {
    if (world.state.workbookProtected) throw new OfficeError('AccessDenied', 'The workbook structure is protected.', where);
  };
  const mock = world.attach({});
  const freeze = () => world.state.calls.freezes.push({ sheet: sheet.name, active: world.state.active === sheet });
  Object.assign(mock, {
    getRange: (address: string) => rangeOf(world, sheet, address),
    getRangeByIndexes: (r: number, c: number, h: number, w: number) => rangeOf(world, sheet, `R${r}C${c}:${h}x${w}`),
    getUsedRange: () => usedRangeOf(world, sheet),
    getUsedRangeOrNullObject: () => usedRangeOf(world, sheet),
    delete: () => {
      structureLocked('Worksheet.delete');
      // "if the worksheet's visibility is set to VeryHidden, the delete operation will fail with an InvalidOperation exception".
      if (sheet.visibility === 'VeryHidden') throw new OfficeError('InvalidOperation', 'The operation attempted is invalid on the object.', 'Worksheet.delete');
      sheet.deleted = true;
    },
    activate: () => {
      world.state.active = sheet;
      world.state.calls.activations.push(sheet.name);
    },
    protection: protectionOf(world, sheet),
    pageLayout: { setPrintArea: () => undefined, setPrintTitleRows: () => undefined, headersFooters: { defaultForAllPages: {} } },
    freezePanes: { freezeAt: freeze, freezeRows: freeze, freezeColumns: freeze },
    autoFilter: { apply: () => undefined },
  });
  Object.defineProperty(mock, 'name', {
    get: () => sheet.name,
    set: (v: string) => {
      structureLocked('Worksheet.name');
      sheet.name = v;
    },
    enumerable: true,
  });
  Object.defineProperty(mock, 'visibility', {
    get: () => sheet.visibility,
    set: (v: string) => {
      // [Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]
      if (world.minor < 2) throw new OfficeError('ApiNotFound', 'The API you are trying to use could not be found.', 'Worksheet.visibility');
      structureLocked('Worksheet.visibility');
      sheet.visibility = v;
    },
    enumerable: true,
  });
  return mock;
}
