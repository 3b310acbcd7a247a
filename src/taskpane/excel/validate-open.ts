/** 校验当前工作簿: the adapter reads the open workbook (its one job), the use case checks it like any file. */
import { checkOpenWorkbook } from '../../app/check-open-workbook.js';
import type { Plan } from '../../core/model.js';
import type { ValidationRules } from '../../core/validate/rules.js';
import type { Capabilities } from '../../office/capabilities.js';
import type { OfficeEnv } from '../../office/env.js';
import { readWorkbookSnapshot } from '../../office/read-workbook.js';

/** Only the ledger's sheets are read: the user's own sheets (however large) are neither read nor checked. */
export function validateInExcel(plan: Plan, options: { asOf: string; rules?: ValidationRules; caps?: Capabilities }, env: OfficeEnv) {
  return checkOpenWorkbook((templateSheets) => readWorkbookSnapshot(env, options.caps, templateSheets), plan, options);
}
