/**
 * The heavy half of the page, loaded on first use (a separate chunk): the
 * page's glue over the use cases in src/app. Everything here is the same
 * code the CLI runs; only the file access differs (bytes from <input type=file>).
 */
export { generateLedger, type GenerateResult } from './generate.js';
export { validateFile, type ValidateResult } from './validate.js';
export { rollUpFiles, type RollupRun } from './rollup.js';
export type { PageFeedback } from './feedback.js';
export { previewPlan, type PlanPreview } from './preview.js';
export type { PickedFile, PlanReadingChoice } from './plan.js';
