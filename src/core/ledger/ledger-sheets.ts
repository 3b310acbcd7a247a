/**
 * Which sheets of an open workbook are the ledger's, so a host reads those
 * and nothing of the user's own (a roster of 200,000 rows, a timetable of
 * merged cells): the metadata sheet, 填报说明, the roll-up marker, the sheets
 * the workbook names `TZ_P1`… point to (Excel keeps them right through a
 * rename), and the sheets named as the template names them. The metadata
 * sheet also records where each task went; a sheet it names that none of the
 * above found (a ledger written by an Excel without workbook names, next to
 * a sheet of the same name) is read after it.
 */
import { INSTRUCTIONS_SHEET_NAME, META_SHEET_NAME, PILLAR_NAME_PREFIX, SUMMARY_MARKER_SHEET_NAME } from '../template/constants.js';
import type { DefinedNameSnapshot } from '../workbook/snapshot.js';
import { sheetOfReference } from './find-sheets.js';
import type { WorkbookMeta } from './read-meta.js';

const PILLAR_NAME = new RegExp(`^${PILLAR_NAME_PREFIX}\\d+$`);

/** The ledger's sheets among `sheets` (in their order), found without reading any of them. */
export function ledgerSheetNames(sheets: readonly string[], names: readonly DefinedNameSnapshot[], templateSheets: readonly string[]): string[] {
  const wanted = new Set<string>([META_SHEET_NAME, INSTRUCTIONS_SHEET_NAME, SUMMARY_MARKER_SHEET_NAME, ...templateSheets]);
  for (const name of names) {
    if (name.localSheet !== undefined || !PILLAR_NAME.test(name.name)) continue;
    const sheet = sheetOfReference(name.ref);
    if (sheet !== undefined) wanted.add(sheet);
  }
  return sheets.filter((s) => wanted.has(s));
}

/** Sheets the metadata places tasks on, among `sheets` (in their order). */
export function metaListedSheets(sheets: readonly string[], meta: WorkbookMeta | undefined): string[] {
  const listed = new Set(meta?.tasks.map((t) => t.sheetName) ?? []);
  return sheets.filter((s) => listed.has(s));
}
