/**
 * The WPS pane's heavy chunk, fetched only inside WPS 表格 on the first
 * action: the ET adapter (src/wps) and the page's glue over the use cases.
 * A plain browser and Excel never load it.
 */
export { clearMarksInWps, generateInWps, markProblemsInWps, selectCellInWps, writeSummaryToWps } from '../../wps/index.js';
export { toWpsFailure } from '../../wps/wps-errors.js';
export { ledgerSpec, pickedPlan } from '../work/for-excel.js';
export { rollUpFiles } from '../work/rollup.js';
export { validateInWps } from './validate-open.js';
