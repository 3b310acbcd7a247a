/**
 * The standard rule set, as plain data: what `ValidationRules.parse({})` gives
 * (test/validate-config.test.ts checks the two agree). Kept apart from the zod
 * schema so the checks, and the threads that run them, do not load zod.
 */
import { STATUS_DONE, STATUS_VALUES } from '../template/constants.js';
import { FORMULA_PREFIXES } from '../workbook/formula-text.js';
import type { ValidationRules } from './rules.js';

export const defaultRules: ValidationRules = {
  severity: {},
  statusValues: [...STATUS_VALUES],
  doneStatus: STATUS_DONE,
  deadlineWindow: { monthsAfterYearEnd: 0 },
  formulaPrefixes: [...FORMULA_PREFIXES],
  allowDashOnly: true,
  pace: { dueSoonDays: 15, notStartedShare: 0.5, lowestCount: 3 },
};
