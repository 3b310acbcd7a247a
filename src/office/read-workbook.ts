/**
 * The open workbook read in one batch (every sheet's used range loaded
 * together) and turned into the shared snapshot; checking it is the use
 * case's job (app/check-open-workbook.ts), as for files. Syncs: 2 (sheet
 * list, then all used ranges), whatever the number of rows. Only when Excel on the web refuses a
 * response over 5 MB does it fall back to one sync per sheet.
 */
/// <reference types="office-js" />
import type { WorkbookSnapshot } from '../core/workbook/snapshot.js';
import { detectCapabilities, type Capabilities } from './capabilities.js';
import type { OfficeEnv } from './env.js';
import { toOfficeFailure, type OfficeFailure } from './office-errors.js';
import { localRanges, workbookSnapshot, type SheetRead } from './snapshot-from-ranges.js';

export type ReadResult = { ok: true; snapshot: WorkbookSnapshot; syncs: number } | { ok: false; error: OfficeFailure; syncs: number };

const RANGE_PROPS = ['address', 'values', 'valueTypes', 'numberFormat', 'formulas'];

interface Pending {
  name: string;
  visibility: string;
  range: Excel.Range;
  merged?: Excel.RangeAreas;
}

function queueSheet(sheet: Excel.Worksheet, caps: Capabilities): Pending {
  // Values only (1.2): cells that merely carry formatting do not stretch the range.
  const range = caps.has('nullObjects') ? sheet.getUsedRangeOrNullObject(true) : caps.has('merges') ? sheet.getUsedRange(true) : sheet.getUsedRange();
  range.load(RANGE_PROPS);
  const pending: Pending = { name: sheet.name, visibility: sheet.visibility, range };
  if (caps.has('readMerges')) {
    pending.merged = range.getMergedAreasOrNullObject();
    pending.merged.load('address');
  }
  return pending;
}

function toRead(p: Pending): SheetRead | undefined {
  if (p.range.isNullObject === true) return { name: p.name, visibility: p.visibility, address: 'A1', values: [], valueTypes: [], numberFormat: [], formulas: [] };
  const merges = p.merged && p.merged.isNullObject !== true && typeof p.merged.address === 'string' ? localRanges(p.merged.address) : undefined;
  return {
    name: p.name,
    visibility: p.visibility,
    address: p.range.address,
    values: p.range.values,
    valueTypes: p.range.valueTypes as string[][],
    numberFormat: p.range.numberFormat,
    formulas: p.range.formulas,
    ...(merges ? { merges } : {}),
  };
}

function isTooLarge(error: unknown): boolean {
  return /PayloadSizeLimitExceeded/.test(toOfficeFailure(error).officeCode ?? '');
}

export async function readWorkbookSnapshot(env: OfficeEnv, caps: Capabilities = detectCapabilities(env)): Promise<ReadResult> {
  let syncs = 0;
  return env.run(async (context) => {
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    try {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      const names = context.workbook.names.load('items/name,items/type,items/value');
      await sync();
      const sheetList = [...sheets.items];
      const nameList = names.items.map((n) => ({ name: n.name, type: String(n.type), value: n.value as unknown }));
      let pending = sheetList.map((sheet) => queueSheet(sheet, caps));
      try {
        await sync();
      } catch (error) {
        if (!isTooLarge(error)) throw error;
        // Over the response limit: the same reads, one sheet per request.
        pending = [];
        for (const sheet of sheetList) {
          const one = queueSheet(sheet, caps);
          await sync();
          pending.push(one);
        }
      }
      const reads = pending.map(toRead).filter((r): r is SheetRead => r !== undefined);
      return { ok: true, snapshot: workbookSnapshot(reads, nameList), syncs };
    } catch (error) {
      return { ok: false, error: toOfficeFailure(error), syncs };
    }
  });
}
