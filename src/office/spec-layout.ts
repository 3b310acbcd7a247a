/**
 * A whole WorkbookSpec → ordered WriteOps for the range-API path, and the
 * ops packed into request batches under the payload limit. Order matters and
 * is kept: a sheet is added before it is written, number formats come before
 * values, protection and visibility come last.
 */
import { appendAll } from '../core/arrays.js';
import type { SheetSpec, StyleSpec, WorkbookSpec } from '../core/workbook/spec.js';
import type { Capabilities, Feature } from './capabilities.js';
import { cellOps } from './sheet-layout.js';
import { opBytes, type WriteOp } from './write-ops.js';

/** Excel on the web refuses requests over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one batch may carry: a fifth kept free for protocol overhead our estimate misses. */
export const BATCH_BUDGET_BYTES = 4 * 1024 * 1024;
/** Largest values/number-format slice of one range write. */
export const SLICE_BYTES = 1024 * 1024;

function sheetExtras(sheet: SheetSpec, target: string): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const spec of sheet.validations) ops.push({ sheet: target, kind: 'validation', spec, feature: 'dataValidation' });
  for (const spec of sheet.conditionalFormats) ops.push({ sheet: target, kind: 'conditionalFormat', spec, feature: 'conditionalFormats' });
  if (sheet.freeze) ops.push({ sheet: target, kind: 'freeze', ...sheet.freeze, feature: 'freezePanes' });
  if (sheet.autoFilter) ops.push({ sheet: target, kind: 'autoFilter', address: sheet.autoFilter, feature: 'autoFilter' });
  if (sheet.tabColor) ops.push({ sheet: target, kind: 'tabColor', color: sheet.tabColor, feature: 'tabColor' });
  if (sheet.print) ops.push({ sheet: target, kind: 'print', spec: sheet.print, feature: 'pageLayout' });
  return ops;
}

export interface SpecLayout {
  ops: WriteOp[];
  /** Features the spec uses that this Excel lacks, in first-use order. */
  skipped: Feature[];
}

/**
 * `targets[i]` is the name sheet i is written under (its temporary name).
 * Ops whose feature `caps` lacks are dropped and their features listed.
 */
export function layOutSpecWrites(
  spec: WorkbookSpec,
  targets: readonly string[],
  caps: Capabilities,
  sliceBytes = SLICE_BYTES,
): SpecLayout {
  const styles: Record<string, StyleSpec> = spec.styles;
  const all: WriteOp[] = [];
  const finishing: WriteOp[] = [];
  const unmet = new Set<Feature>();
  spec.sheets.forEach((sheet, i) => {
    const target = targets[i]!;
    all.push({ sheet: target, kind: 'addSheet' });
    for (const op of [...cellOps(sheet, target, styles, sliceBytes), ...sheetExtras(sheet, target)]) all.push(op); // no spread into push: row-height ops can be many
    // Protection and hiding last, after every write to every sheet (a protected sheet refuses formats).
    const selectionMode = caps.has('protectionSelection');
    if (sheet.protection) finishing.push({ sheet: target, kind: 'protect', spec: sheet.protection, selectionMode, feature: 'protection' });
    if (sheet.protection && !sheet.protection.allowSelectLockedCells && !selectionMode && caps.has('protection')) unmet.add('protectionSelection');
    // Setting visibility is ExcelApi 1.2 (reading it is 1.1).
    if (sheet.state !== 'visible') finishing.push({ sheet: target, kind: 'visibility', state: sheet.state, feature: 'sheetVisibility' });
  });
  appendAll(all, finishing);
  const skipped: Feature[] = [...unmet];
  const ops = all.filter((op) => {
    if (!op.feature || caps.has(op.feature)) return true;
    if (!skipped.includes(op.feature)) skipped.push(op.feature);
    return false;
  });
  return { ops, skipped };
}

/** Packs ops, in order, into batches of at most `budget` estimated bytes (an op over budget goes alone). */
export function packBatches(ops: readonly WriteOp[], budget = BATCH_BUDGET_BYTES): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    const bytes = opBytes(op);
    if (current.length > 0 && size + bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
