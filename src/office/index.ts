/**
 * The Office add-in adapter: the only code that calls `Excel.run`. The task
 * pane calls these; each returns plain data (what was done, what was skipped
 * and why as zh-CN issues, `syncs` made) and never throws an Office error:
 * failures come back as `{ ok: false, error: { code, message } }`.
 *
 *   const env = officeEnvFromGlobals();           // undefined outside Excel → use the browser path
 *   const caps = detectCapabilities(env);         // caps.minor: highest ExcelApi 1.x
 *   await generateInExcel(spec, env);             // 生成台账: new sheets, never over the user's
 *   await readWorkbookSnapshot(env, caps, names); // 校验: the ledger's sheets as a snapshot, plus per-sheet read issues (app checks it)
 *   await markProblems(issues, env);              // colour (+ comment on 1.10) the problem cells
 *   await clearMarks(env);                        // put back what was there
 *   await selectCell(sheet, cell, env);           // jump to a problem
 *   await writeSummaryToExcel(summarySpec, env);  // 汇总: chunked under the 5 MB request limit
 */
export { detectCapabilities, capabilitiesFor, FEATURES, type Capabilities, type Feature } from './capabilities.js';
export { officeEnvFromGlobals, type OfficeEnv } from './env.js';
export { generateInExcel, writeSummaryToExcel, type ActionOptions } from './generate.js';
export { clearMarks, markProblems, selectCell, type MarkResult } from './marks.js';
export { toOfficeFailure, type OfficeFailure } from './office-errors.js';
export { readWorkbookSnapshot, type ReadResult } from './read-workbook.js';
export type { WriteResult } from './write-spec.js';
