/**
 * Writes a WorkbookSpec's sheets into the workbook open in WPS 表格, next to
 * the user's sheets and never over them: each sheet is added at the end
 * under a temporary name (`~tz…`), written, and renamed to its final name
 * only when every sheet is complete. On any error the sheets we added are
 * deleted again, so no half-written sheet is left under a real name; the
 * user's sheets are never renamed, written or deleted.
 */
import { issue } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import { layOutSheetNames, retargetSpec, stagedSpec, TEMP_PREFIX } from '../core/workbook/sheet-names-layout.js';
import type { WorkbookSpec } from '../core/workbook/spec.js';
import { fitSpecTexts } from '../core/workbook/text-limit.js';
import { XL, type EtApplication, type EtWorkbook, type EtWorksheet } from './et-types.js';
import { toWpsFailure, wpsFailure, type WpsFailure } from './wps-errors.js';
import { finishSheet, writeSheet } from './write-sheet.js';

export type WpsWriteResult =
  | { ok: true; sheets: string[]; notes: Issue[] }
  | { ok: false; error: WpsFailure; notes: Issue[] };

export interface WpsWriteOptions {
  /** Makes temporary names unique per run; defaults to the time in base 36. */
  token?: string;
}

export function sheetNamesOf(workbook: EtWorkbook): string[] {
  const names: string[] = [];
  const sheets = workbook.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) names.push(sheets.Item(i).Name);
  return names;
}

/** The open workbook, or why there is none to work on. */
export function openWorkbook(app: EtApplication, changesSheets: boolean): { ok: true; workbook: EtWorkbook } | { ok: false; error: WpsFailure } {
  const workbook = app.ActiveWorkbook;
  if (!workbook) return { ok: false, error: wpsFailure('WPS_NO_WORKBOOK') };
  if (changesSheets && workbook.ProtectStructure) return { ok: false, error: wpsFailure('WPS_WORKBOOK_PROTECTED') };
  return { ok: true, workbook };
}

/** Runs `work` with alerts off (Delete would otherwise ask the user) and screen updating off; puts both back. */
export function quietly<T>(app: EtApplication, work: () => T): T {
  const alerts = app.DisplayAlerts;
  const screen = app.ScreenUpdating;
  app.DisplayAlerts = false;
  app.ScreenUpdating = false;
  try {
    return work();
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }
}

export function writeSpecToWps(given: WorkbookSpec, app: EtApplication, options: WpsWriteOptions = {}): WpsWriteResult {
  // ET, like Excel, refuses a cell of more than 32,767 characters: cut here, with a note naming the cell.
  const { spec, issues: notes } = fitSpecTexts(given);
  const open = openWorkbook(app, true);
  if (!open.ok) return { ok: false, error: open.error, notes };
  const workbook = open.workbook;
  let existing: string[];
  try {
    existing = sheetNamesOf(workbook);
  } catch (error) {
    return { ok: false, error: toWpsFailure(error), notes };
  }
  const names = layOutSheetNames(spec.sheets.map((s) => s.name), existing, options.token ?? Date.now().toString(36));
  for (const r of names.renamed) notes.push(issue('OFFICE_SHEET_RENAMED', 'info', { sheet: r.newName }, r));
  const finalSpec = retargetSpec(spec, names.finals);
  const staged = stagedSpec(finalSpec, names.temps);
  return quietly(app, (): WpsWriteResult => {
    const added: EtWorksheet[] = [];
    try {
      for (const sheet of staged.sheets) {
        const sheets = workbook.Worksheets;
        const ws = sheets.Add(null, sheets.Item(sheets.Count));
        added.push(ws); // before naming it: a sheet ET added is ours to remove even if the rename fails
        ws.Name = sheet.name;
        writeSheet(app, ws, sheet, staged.styles);
      }
      staged.sheets.forEach((sheet, i) => finishSheet(added[i]!, sheet));
      // Last step: the real names, all at once.
      added.forEach((ws, i) => {
        ws.Name = names.finals[i]!;
      });
      addDefinedNames(finalSpec, workbook, notes);
      const firstVisible = finalSpec.sheets.findIndex((s) => s.state === 'visible');
      if (firstVisible >= 0) added[firstVisible]!.Activate();
    } catch (error) {
      const failure = toWpsFailure(error, 'WPS_FAILED');
      if (!removeAdded(workbook, existing, added)) notes.push(issue('WPS_CLEANUP_FAILED', 'error', {}, { prefix: TEMP_PREFIX }));
      return { ok: false, error: failure, notes };
    }
    if (spec.lockStructure) notes.push(issue('OFFICE_STRUCTURE_NOT_LOCKED', 'info', {}));
    return { ok: true, sheets: names.finals, notes };
  });
}

function addDefinedNames(spec: WorkbookSpec, workbook: EtWorkbook, notes: Issue[]): void {
  if (spec.definedNames.length === 0) return;
  const taken = new Set<string>();
  for (let i = 1; i <= workbook.Names.Count; i++) taken.add(workbook.Names.Item(i).Name.toLowerCase());
  for (const name of spec.definedNames) {
    if (taken.has(name.name.toLowerCase())) notes.push(issue('OFFICE_NAME_EXISTS', 'info', {}, { name: name.name }));
    else workbook.Names.Add(name.name, `=${name.refersTo}`);
  }
}

/**
 * Deletes every sheet this run added (known by its object: its name may be
 * ET's `SheetN`, a temporary one or a final one, wherever the run stopped),
 * never one that was there before. A very hidden sheet is shown first:
 * like Excel, ET will not delete it.
 */
export function removeAdded(workbook: EtWorkbook, existing: readonly string[], added: readonly EtWorksheet[]): boolean {
  try {
    const before = new Set(existing.map((n) => n.toLowerCase()));
    for (const sheet of added) {
      if (before.has(sheet.Name.toLowerCase())) continue;
      if (sheet.Visible !== XL.sheetVisible) sheet.Visible = XL.sheetVisible;
      sheet.Delete();
    }
    return true;
  } catch {
    return false;
  }
}
