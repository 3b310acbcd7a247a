/**
 * The validator's codes and their default severities: plain data, without the
 * zod schema of rules.ts, so that the checks (and the threads that run them)
 * do not load zod.
 */

/** Every code the validator can produce, with its default severity. */
export const VALIDATE_DEFAULT_SEVERITY = {
  // 填报说明
  VALIDATE_INFO_UNIT_MISSING: 'error',
  VALIDATE_INFO_REPORTER_MISSING: 'error',
  VALIDATE_INFO_PHONE_MISSING: 'error',
  VALIDATE_INFO_PHONE_INVALID: 'error',
  VALIDATE_INFO_DATE_MISSING: 'error',
  VALIDATE_INFO_DATE_INVALID: 'error',
  // Task rows
  VALIDATE_UNIT_MISSING: 'error',
  VALIDATE_OWNER_MISSING: 'error',
  VALIDATE_OWNER_DIGITS: 'warning',
  VALIDATE_DEADLINE_MISSING: 'error',
  VALIDATE_DEADLINE_UNKNOWN: 'error',
  VALIDATE_DEADLINE_OUTSIDE_WINDOW: 'warning',
  VALIDATE_STATUS_MISSING: 'warning',
  VALIDATE_STATUS_INVALID: 'error',
  VALIDATE_PROGRESS_MISSING: 'error',
  VALIDATE_OVERDUE: 'warning',
  // Structure
  VALIDATE_COLUMN_MISSING: 'error',
  VALIDATE_TASK_MISSING: 'error',
  VALIDATE_TASK_DUPLICATE: 'error',
  VALIDATE_TASK_TITLE_CHANGED: 'warning',
  VALIDATE_TASK_BODY_CHANGED: 'warning',
  VALIDATE_ORPHAN_ROW: 'warning',
  // Suspicious content
  VALIDATE_FORMULA_PREFIX: 'warning',
} as const satisfies Record<string, 'error' | 'warning'>;

export type ValidateCode = keyof typeof VALIDATE_DEFAULT_SEVERITY;
export const VALIDATE_CODES = Object.keys(VALIDATE_DEFAULT_SEVERITY) as [ValidateCode, ...ValidateCode[]];
