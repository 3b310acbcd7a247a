/** A filled school ledger as the mocked Excel holds it: the same cells the file has, read back through used ranges. */
import { columnLetter } from '../../src/core/workbook/a1';
import type { SheetSnapshot } from '../../src/core/workbook/snapshot';
import { readWorkbook } from '../../src/xlsx/read/index';
import { excelMock, type MockOptions, type SheetState, type UsedRangeData } from './excel-mock';
import { fillLedger } from './fill-ledger';
import { seedPlan, withChanges } from './validate-fixture';

/** A file's sheet as Office.js would return its used range (from A1, as Excel reports it for a ledger). */
export function usedRangeOf(sheet: SheetSnapshot): UsedRangeData {
  const rows = Math.max(sheet.maxRow, 1);
  const cols = Math.max(sheet.maxCol, 1);
  const grid = <T,>(fill: T) => Array.from({ length: rows }, () => Array<T>(cols).fill(fill));
  const used = { address: `'${sheet.name}'!A1:${columnLetter(cols)}${rows}`, values: grid<unknown>(''), valueTypes: grid('Empty'), numberFormat: grid<unknown>('General'), formulas: grid<unknown>('') };
  for (const cell of sheet.cells) {
    const [r, c] = [cell.row - 1, cell.col - 1];
    used.values[r]![c] = cell.value;
    used.valueTypes[r]![c] = { string: 'String', number: 'Double', date: 'Double', boolean: 'Boolean', error: 'Error' }[cell.type];
    used.numberFormat[r]![c] = cell.numFmt ?? 'General';
    used.formulas[r]![c] = cell.formula !== undefined ? `=${cell.formula}` : cell.value;
  }
  return { ...used, ...(sheet.merges.length ? { merges: sheet.merges.map((m) => `'${sheet.name}'!${m}`).join(', ') } : {}) };
}

/**
 * The seed ledger filled with `tasks` changes, open in a mocked Excel of
 * ExcelApi 1.`minor`; pillar sheets (一、…) are protected; `userSheets` are
 * the user's own sheets after the ledger's.
 */
export async function liveLedger(minor: number, tasks: Parameters<typeof withChanges>[0]['tasks'] = {}, options: MockOptions = {}, userSheets: Partial<SheetState>[] = []) {
  const bytes = await fillLedger(seedPlan, withChanges({ tasks }));
  const read = readWorkbook(bytes, { fileName: 'ledger.xlsx' });
  if (!read.ok) throw new Error('unreadable fixture');
  const mock = excelMock(
    minor,
    read.workbook.sheets.map((s): Partial<SheetState> => ({
      name: s.name,
      visibility: s.state === 'veryHidden' ? 'VeryHidden' : s.state === 'hidden' ? 'Hidden' : 'Visible',
      used: usedRangeOf(s),
      protection: { protected: s.name.startsWith('一'), options: { allowSort: true } },
    })).concat(userSheets),
    options,
  );
  // Workbook-scoped names as Excel lists them in workbook.names (sheet-scoped ones live on their sheet).
  for (const n of read.workbook.definedNames) if (n.localSheet === undefined) mock.names.push({ name: n.name, reference: `=${n.ref}` });
  return { mock, bytes, read: read.workbook };
}

/** Problems the seed ledger gets when these cells are broken: on the first pillar sheet. */
export const BROKEN = { P1T1: { status: '差不多', progress: '' }, P1T2: { deadline: '明年' } };
