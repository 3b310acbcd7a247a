/**
 * Writes a WorkbookSpec's sheets into the open workbook, next to the user's
 * sheets and never over them. Syncs: 1 (read names and, from ExcelApi 1.7,
 * the structure lock) + 1 per write batch (one batch unless the data passes
 * the 5 MB request limit) + 1 (freeze panes, rename to final names, add
 * workbook names). On any error the sheets we added are deleted (2 more
 * syncs) and a zh-CN failure is returned. Calculation mode is never touched:
 * it belongs to the whole application on the desktop, and we write no formulas.
 */
/// <reference types="office-js" />
import { appendAll } from '../core/arrays.js';
import { issue } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import type { WorkbookSpec } from '../core/workbook/spec.js';
import { fitSpecTexts } from '../core/workbook/text-limit.js';
import { apiVersion, FEATURES, type Capabilities, type Feature } from './capabilities.js';
import { applyOp } from './apply-ops.js';
import type { OfficeEnv } from './env.js';
import { toOfficeFailure, type OfficeFailure } from './office-errors.js';
import { layOutSheetNames, retargetSpec, stagedSpec, TEMP_PREFIX } from './sheet-names-layout.js';
import { BATCH_BUDGET_BYTES, layOutSpecWrites, SLICE_BYTES } from './spec-layout.js';
import { queueStructureCheck, structureLocked } from './structure-lock.js';
import { writeInBatches } from './write-batches.js';
import type { WriteOp } from './write-ops.js';

export interface WriteOptions {
  /** Insert the rendered workbook in one go where ExcelApi 1.13 allows (the ledger); false forces the range path (the summary). */
  preferInsert: boolean;
  /** Renders the spec to .xlsx bytes (src/xlsx/render-workbook); needed when `preferInsert`. */
  render?: (spec: WorkbookSpec) => Promise<Uint8Array>;
  /** Bytes per request batch and per values slice; tests lower them. */
  budgetBytes?: number;
  sliceBytes?: number;
  /** Makes temporary names unique per run; defaults to the time in base 36. */
  token?: string;
}

export type WriteResult =
  | {
      ok: true;
      method: 'insert' | 'ranges';
      /** Final sheet names, in spec order. */
      sheets: string[];
      /** What was left out or done differently, as zh-CN issues for the pane. */
      notes: Issue[];
      /** `context.sync()` calls made. */
      syncs: number;
    }
  | { ok: false; error: OfficeFailure; notes: Issue[]; syncs: number };

export function skippedNotes(features: readonly Feature[], caps: Capabilities): Issue[] {
  return features.map((f) =>
    issue('OFFICE_SKIPPED_FEATURE', 'warning', {}, { feature: FEATURES[f].zh, need: apiVersion(f), have: caps.minor }),
  );
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Spread in chunks of 32,768: few enough arguments for any engine, whatever the size of the workbook.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function writeSpecToExcel(given: WorkbookSpec, env: OfficeEnv, caps: Capabilities, options: WriteOptions): Promise<WriteResult> {
  let syncs = 0;
  // Excel refuses a cell of more than 32,767 characters: cut here, with a note naming the cell.
  const { spec, issues: notes } = fitSpecTexts(given);
  return env.run(async (context) => {
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const workbook = context.workbook;
    // Step 1: what is already there, and whether sheets may be added at all.
    const sheets = workbook.worksheets.load('items/name');
    const names = caps.has('definedNames') ? workbook.names.load('items/name') : undefined;
    const locked = queueStructureCheck(workbook, caps);
    try {
      await sync();
    } catch (error) {
      return { ok: false, error: toOfficeFailure(error), notes, syncs };
    }
    if (locked()) return { ok: false, error: structureLocked(), notes, syncs };
    const existing = sheets.items.map((s) => s.name);
    const sheetNames = layOutSheetNames(spec.sheets.map((s) => s.name), existing, options.token ?? Date.now().toString(36));
    for (const r of sheetNames.renamed) notes.push(issue('OFFICE_SHEET_RENAMED', 'info', { sheet: r.newName }, r));
    const finalSpec = retargetSpec(spec, sheetNames.finals);
    const staged = stagedSpec(finalSpec, sheetNames.temps);
    const budget = options.budgetBytes ?? BATCH_BUDGET_BYTES;
    const cleanUp = () => removeAdded(context, existing, [...sheetNames.temps, ...sheetNames.finals], caps, () => syncs++);
    let inserted = false;
    try {
      if (options.preferInsert && caps.has('insertFromBase64') && options.render) {
        inserted = await insertWhole(workbook, toBase64(await options.render(staged)), budget, sync, cleanUp, notes);
      }
      if (!inserted) {
        const layout = layOutSpecWrites(staged, sheetNames.temps, caps, options.sliceBytes ?? SLICE_BYTES);
        appendAll(notes, skippedNotes(layout.skipped, caps));
        await writeInBatches(context, layout.ops.filter((op) => op.kind !== 'freeze'), budget, caps, sync);
        queueFreezes(workbook, staged, layout.ops, caps);
      }
      // Last step: the real names, all at once.
      sheetNames.temps.forEach((temp, i) => {
        workbook.worksheets.getItem(temp).name = sheetNames.finals[i]!;
      });
      addDefinedNames(finalSpec, workbook, names, caps, notes);
      const firstVisible = finalSpec.sheets.findIndex((s) => s.state === 'visible');
      if (firstVisible >= 0) workbook.worksheets.getItem(sheetNames.finals[firstVisible]!).activate();
      await sync();
    } catch (error) {
      const failure = toOfficeFailure(error);
      if (!(await cleanUp())) notes.push(issue('OFFICE_CLEANUP_FAILED', 'error', {}, { prefix: TEMP_PREFIX }));
      return { ok: false, error: failure, notes, syncs };
    }
    if (spec.lockStructure) notes.push(issue('OFFICE_STRUCTURE_NOT_LOCKED', 'info', {}));
    return { ok: true, method: inserted ? 'insert' : 'ranges', sheets: sheetNames.finals, notes, syncs };
  });
}

/** Failures of the whole-sheet insert that the range path gets around: Excel on the web's internal errors and a file over the request limit. */
const RETRY_BY_RANGES = new Set(['GeneralException', 'RequestPayloadSizeLimitExceeded']);

/**
 * ExcelApi 1.13: the rendered file in one request (false when it is over
 * the budget: the range path splits it instead). On the web the insert can
 * fail now and then, or insert every sheet and still report GeneralException
 * (OfficeDev/office-js #3179, #3809, #6142): whatever it inserted is removed,
 * and false sends the same spec through the range path once.
 */
async function insertWhole(
  workbook: Excel.Workbook,
  base64: string,
  budget: number,
  sync: () => Promise<void>,
  cleanUp: () => Promise<boolean>,
  notes: Issue[],
): Promise<boolean> {
  if (base64.length > budget) return false;
  try {
    workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
    await sync();
    return true;
  } catch (error) {
    const officeCode = toOfficeFailure(error).officeCode ?? '';
    if (!RETRY_BY_RANGES.has(officeCode) || !(await cleanUp())) throw error;
    notes.push(issue('OFFICE_INSERT_FALLBACK', 'info', {}, { detail: officeCode }));
    return false;
  }
}

/**
 * Freeze panes apply to the active sheet's view; on an inactive sheet Excel
 * fires WorksheetActivated for a sheet it does not show (OfficeDev/office-js
 * #3148). So each visible sheet is activated before its panes are frozen, in
 * the last request, which ends by activating the first sheet.
 */
function queueFreezes(workbook: Excel.Workbook, staged: WorkbookSpec, ops: readonly WriteOp[], caps: Capabilities): void {
  const visible = new Set(staged.sheets.filter((s) => s.state === 'visible').map((s) => s.name));
  const freezes = ops.filter((op) => op.kind === 'freeze' && visible.has(op.sheet));
  if (freezes.length > 0 && caps.has('suspendScreen')) workbook.application.suspendScreenUpdatingUntilNextSync();
  for (const op of freezes) {
    const sheet = workbook.worksheets.getItem(op.sheet);
    sheet.activate();
    applyOp(workbook, new Map([[op.sheet, sheet]]), op);
  }
}

function addDefinedNames(
  spec: WorkbookSpec,
  workbook: Excel.Workbook,
  names: Excel.NamedItemCollection | undefined,
  caps: Capabilities,
  notes: Issue[],
): void {
  if (spec.definedNames.length === 0) return;
  if (!names) {
    appendAll(notes, skippedNotes(['definedNames'], caps));
    return;
  }
  const taken = new Set(names.items.map((n) => n.name.toLowerCase()));
  for (const name of spec.definedNames) {
    if (taken.has(name.name.toLowerCase())) notes.push(issue('OFFICE_NAME_EXISTS', 'info', {}, { name: name.name }));
    else workbook.names.add(name.name, `=${name.refersTo}`);
  }
}

/**
 * Deletes every sheet that was not there before and carries one of our
 * names (temporary or final: a failed rename batch may have renamed some).
 * A very hidden sheet cannot be deleted (Worksheet.delete throws
 * InvalidOperation), so hidden ones are shown first where ExcelApi 1.2 can
 * set visibility; on 1.1 nothing we added could have been hidden.
 */
async function removeAdded(
  context: Excel.RequestContext,
  existing: readonly string[],
  ours: readonly string[],
  caps: Capabilities,
  countSync: () => void,
): Promise<boolean> {
  try {
    const before = new Set(existing.map((n) => n.toLowerCase()));
    const mine = new Set(ours.map((n) => n.toLowerCase()));
    const sheets = context.workbook.worksheets.load('items/name');
    countSync();
    await context.sync();
    for (const sheet of sheets.items) {
      const key = sheet.name.toLowerCase();
      if (before.has(key) || !mine.has(key)) continue;
      if (caps.has('sheetVisibility')) sheet.visibility = 'Visible';
      sheet.delete();
    }
    countSync();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
