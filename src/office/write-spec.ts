/**
 * Writes a WorkbookSpec's sheets into the open workbook, next to the user's
 * sheets and never over them. Syncs: 1 (read names) + 1 per write batch (one
 * batch unless the data passes the 5 MB request limit) + 1 (rename to final
 * names, add workbook names, restore calculation). On any error the sheets we
 * added are deleted (2 more syncs) and a zh-CN failure is returned.
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
import { BATCH_BUDGET_BYTES, packBatches, layOutSpecWrites, SLICE_BYTES } from './spec-layout.js';

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
    const app = workbook.application;
    // Step 1: what is already there.
    const sheets = workbook.worksheets.load('items/name');
    const names = caps.has('definedNames') ? workbook.names.load('items/name') : undefined;
    if (caps.has('manualCalculation')) app.load('calculationMode');
    try {
      await sync();
    } catch (error) {
      return { ok: false, error: toOfficeFailure(error), notes, syncs };
    }
    const existing = sheets.items.map((s) => s.name);
    const sheetNames = layOutSheetNames(spec.sheets.map((s) => s.name), existing, options.token ?? Date.now().toString(36));
    for (const r of sheetNames.renamed) notes.push(issue('OFFICE_SHEET_RENAMED', 'info', { sheet: r.newName }, r));
    const finalSpec = retargetSpec(spec, sheetNames.finals);
    const staged = stagedSpec(finalSpec, sheetNames.temps);
    const calcMode = caps.has('manualCalculation') ? app.calculationMode : undefined;
    let useInsert = options.preferInsert && caps.has('insertFromBase64') && options.render !== undefined;
    try {
      // The file goes in one request: past the budget, the range path splits it instead.
      const base64 = useInsert ? toBase64(await options.render!(staged)) : '';
      useInsert &&= base64.length <= (options.budgetBytes ?? BATCH_BUDGET_BYTES);
      if (useInsert) {
        workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
        await sync();
      } else {
        const layout = layOutSpecWrites(staged, sheetNames.temps, caps, options.sliceBytes ?? SLICE_BYTES);
        appendAll(notes, skippedNotes(layout.skipped, caps));
        const batches = packBatches(layout.ops, options.budgetBytes ?? BATCH_BUDGET_BYTES);
        const proxies = new Map<string, Excel.Worksheet>();
        for (const [i, batch] of batches.entries()) {
          if (i === 0 && calcMode !== undefined) app.calculationMode = 'Manual';
          if (caps.has('suspendScreen')) app.suspendScreenUpdatingUntilNextSync();
          for (const op of batch) applyOp(workbook, proxies, op);
          await sync(); // one per batch: batches exist only past the payload limit, never per row
        }
      }
      // Last step: the real names, all at once.
      sheetNames.temps.forEach((temp, i) => {
        workbook.worksheets.getItem(temp).name = sheetNames.finals[i]!;
      });
      addDefinedNames(finalSpec, workbook, names, caps, notes);
      const firstVisible = finalSpec.sheets.findIndex((s) => s.state === 'visible');
      if (firstVisible >= 0) workbook.worksheets.getItem(sheetNames.finals[firstVisible]!).activate();
      if (calcMode !== undefined) app.calculationMode = calcMode;
      await sync();
    } catch (error) {
      const failure = toOfficeFailure(error);
      const cleaned = await removeAdded(context, existing, [...sheetNames.temps, ...sheetNames.finals], calcMode, () => syncs++);
      if (!cleaned) notes.push(issue('OFFICE_CLEANUP_FAILED', 'error', {}, { prefix: TEMP_PREFIX }));
      return { ok: false, error: failure, notes, syncs };
    }
    if (spec.lockStructure) notes.push(issue('OFFICE_STRUCTURE_NOT_LOCKED', 'info', {}));
    return { ok: true, method: useInsert ? 'insert' : 'ranges', sheets: sheetNames.finals, notes, syncs };
  });
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
 * Hidden sheets are made visible first, as Excel will not delete them otherwise.
 */
async function removeAdded(
  context: Excel.RequestContext,
  existing: readonly string[],
  ours: readonly string[],
  calcMode: Excel.CalculationMode | string | undefined,
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
      sheet.visibility = 'Visible';
      sheet.delete();
    }
    if (calcMode !== undefined) context.workbook.application.calculationMode = calcMode as Excel.CalculationMode;
    countSync();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
