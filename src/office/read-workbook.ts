/**
 * The ledger in the open workbook, read into the shared snapshot; checking
 * it is the use case's job (app/check-open-workbook.ts), as for files. Only
 * the ledger's own sheets are read (core/ledger/ledger-sheets.ts): request 1
 * lists the sheets and the workbook names, request 2 reads the chosen sheets,
 * the metadata sheet among them; only when the metadata places tasks on a
 * sheet neither the names nor the template's sheet names found does a third
 * request read it. A sheet Excel cannot read is an issue for that sheet
 * (read-sheets.ts). Whatever the number of rows, 2 syncs (3 in that case).
 */
/// <reference types="office-js" />
import { ledgerSheetNames, metaListedSheets } from '../core/ledger/ledger-sheets.js';
import { readMeta } from '../core/ledger/read-meta.js';
import type { Issue } from '../core/model.js';
import { META_SHEET_NAME } from '../core/template/constants.js';
import type { WorkbookSnapshot } from '../core/workbook/snapshot.js';
import { detectCapabilities, type Capabilities } from './capabilities.js';
import type { OfficeEnv } from './env.js';
import { toOfficeFailure, type OfficeFailure } from './office-errors.js';
import { readSheets } from './read-sheets.js';
import { definedNamesOf, sheetSnapshot, workbookSnapshot, type SheetRead } from './snapshot-from-ranges.js';

export type ReadResult =
  /** `issues`: sheets Excel would not give whole, each reported for its sheet. */
  | { ok: true; snapshot: WorkbookSnapshot; issues: Issue[]; syncs: number }
  | { ok: false; error: OfficeFailure; syncs: number };

/** `templateSheets`: the pillar sheet names the plan's template gives (core/template), found by name too. */
export async function readWorkbookSnapshot(env: OfficeEnv, caps: Capabilities = detectCapabilities(env), templateSheets: readonly string[] = []): Promise<ReadResult> {
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
      const all = [...sheets.items];
      const sheetNames = all.map((s) => s.name);
      const nameList = names.items.map((n) => ({ name: n.name, type: String(n.type), value: n.value as unknown }));
      const chosen = new Set(ledgerSheetNames(sheetNames, definedNamesOf(nameList), templateSheets));
      const first = await readSheets(all.filter((s) => chosen.has(s.name)), caps, sync);
      const metaRead = first.reads.find((r) => r.name === META_SHEET_NAME);
      const meta = metaRead ? readMeta({ date1904: false, sheets: [sheetSnapshot(metaRead, false)], definedNames: [] }) : undefined;
      const more = new Set(metaListedSheets(sheetNames, meta).filter((n) => !chosen.has(n)));
      const second = await readSheets(all.filter((s) => more.has(s.name)), caps, sync);
      // Tab order, as the file reader gives it: extraction reports in that order.
      const byName = new Map<string, SheetRead>([...first.reads, ...second.reads].map((r) => [r.name, r]));
      const reads = sheetNames.flatMap((n) => byName.get(n) ?? []);
      return { ok: true, snapshot: workbookSnapshot(reads, nameList), issues: [...first.issues, ...second.issues], syncs };
    } catch (error) {
      return { ok: false, error: toOfficeFailure(error), syncs };
    }
  });
}
