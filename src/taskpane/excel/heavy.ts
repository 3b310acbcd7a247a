/**
 * The Excel pane's heavy chunk, fetched only inside Excel on the first
 * action: the Office adapter (src/office, which pulls the shared renderer)
 * and the plan/roll-up code. A plain browser never loads it.
 */
export { clearMarks, generateInExcel, markProblems, selectCell, validateInExcel, writeSummaryToExcel } from '../../office/index.js';
export { ledgerSpec, planIndex } from '../work/for-excel.js';
export { rollUpFiles } from '../work/rollup.js';
