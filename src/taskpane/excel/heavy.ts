/**
 * The Excel pane's heavy chunk, fetched only inside Excel on the first
 * action: the Office adapter (src/office, which pulls the shared renderer)
 * and the page's glue over the use cases. A plain browser never loads it.
 */
export { clearMarks, generateInExcel, markProblems, selectCell, writeSummaryToExcel } from '../../office/index.js';
export { ledgerSpec, pickedPlan } from '../work/for-excel.js';
export { rollUpFiles } from '../work/rollup.js';
export { validateInExcel } from './validate-open.js';
