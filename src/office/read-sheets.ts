/**
 * Used ranges of chosen sheets → SheetReads, all in one request. Excel can
 * fail that request because of one sheet (more than 512 merged areas make
 * `getMergedAreasOrNullObject` fail; on the web a response over 5 MB is
 * refused) and can answer a range over 5,000,000 cells with null values
 * (resource limits; OfficeDev/office-js #4783, #6781). So a failed request is
 * read again one sheet per request, a sheet whose merged areas fail is read
 * without them, and a sheet Excel will not give is reported as an issue for
 * that sheet, never as a failure of the whole check.
 */
/// <reference types="office-js" />
import { issue } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import type { Capabilities } from './capabilities.js';
import { toOfficeFailure } from './office-errors.js';
import { localRanges, type SheetRead } from './snapshot-from-ranges.js';

const RANGE_PROPS = ['address', 'values', 'valueTypes', 'numberFormat', 'formulas'];

interface Pending {
  name: string;
  visibility: string;
  range: Excel.Range;
  merged?: Excel.RangeAreas;
}

function queueSheet(sheet: Excel.Worksheet, caps: Capabilities, withMerges: boolean): Pending {
  // Values only (1.2): cells that merely carry formatting do not stretch the range.
  const range = caps.has('nullObjects') ? sheet.getUsedRangeOrNullObject(true) : caps.has('merges') ? sheet.getUsedRange(true) : sheet.getUsedRange();
  range.load(RANGE_PROPS);
  const pending: Pending = { name: sheet.name, visibility: sheet.visibility, range };
  if (withMerges && caps.has('readMerges')) {
    pending.merged = range.getMergedAreasOrNullObject();
    pending.merged.load('address');
  }
  return pending;
}

function toRead(p: Pending, issues: Issue[]): SheetRead | undefined {
  if (p.range.isNullObject === true) return { name: p.name, visibility: p.visibility, address: 'A1', values: [], valueTypes: [], numberFormat: [], formulas: [] };
  const { values, valueTypes, numberFormat, formulas, address } = p.range;
  if (!values || !valueTypes || !numberFormat || !formulas) {
    const detail = `已用区域 ${address.slice(address.lastIndexOf('!') + 1)} 超过 Excel 一次最多读取 500 万个单元格的限制`;
    issues.push(issue('OFFICE_SHEET_TOO_LARGE', 'error', { sheet: p.name }, { sheet: p.name, detail }));
    return undefined;
  }
  const merges = p.merged && p.merged.isNullObject !== true && typeof p.merged.address === 'string' ? localRanges(p.merged.address) : undefined;
  return { name: p.name, visibility: p.visibility, address, values, valueTypes: valueTypes as string[][], numberFormat, formulas, ...(merges ? { merges } : {}) };
}

/** A failure that belongs to the sheet being read, not to Excel's state (cell editing, busy, protection…). */
function sheetsOwnFault(error: unknown): boolean {
  const { code } = toOfficeFailure(error);
  return code === 'OFFICE_FAILED' || code === 'OFFICE_PAYLOAD_TOO_LARGE';
}

export interface SheetsRead {
  reads: SheetRead[];
  issues: Issue[];
}

export async function readSheets(sheets: readonly Excel.Worksheet[], caps: Capabilities, sync: () => Promise<void>): Promise<SheetsRead> {
  const issues: Issue[] = [];
  if (sheets.length === 0) return { reads: [], issues };
  try {
    const pending = sheets.map((s) => queueSheet(s, caps, true));
    await sync();
    return { reads: pending.flatMap((p) => toRead(p, issues) ?? []), issues };
  } catch (error) {
    if (!sheetsOwnFault(error)) throw error;
  }
  const reads: SheetRead[] = [];
  for (const sheet of sheets) {
    const read = await readOne(sheet, caps, sync, issues);
    if (read) reads.push(read);
  }
  return { reads, issues };
}

/** One sheet per request: with merged areas, then without them, then given up as an issue. */
async function readOne(sheet: Excel.Worksheet, caps: Capabilities, sync: () => Promise<void>, issues: Issue[]): Promise<SheetRead | undefined> {
  const attempts = caps.has('readMerges') ? [true, false] : [false];
  let last: unknown;
  for (const withMerges of attempts) {
    try {
      const pending = queueSheet(sheet, caps, withMerges);
      await sync();
      if (!withMerges && attempts.length > 1) issues.push(issue('OFFICE_MERGES_UNREAD', 'warning', { sheet: sheet.name }, { sheet: sheet.name }));
      return toRead(pending, issues);
    } catch (error) {
      if (!sheetsOwnFault(error)) throw error;
      last = error;
    }
  }
  const failure = toOfficeFailure(last);
  issues.push(issue('OFFICE_SHEET_TOO_LARGE', 'error', { sheet: sheet.name }, { sheet: sheet.name, detail: failure.officeCode ?? failure.message }));
  return undefined;
}
