/** 校验当前工作簿 in WPS 表格: the adapter reads the open workbook (its one job), the use case checks it like any file. */
import { checkOpenWorkbook } from '../../app/check-open-workbook.js';
import type { Plan } from '../../core/model.js';
import type { ValidationRules } from '../../core/validate/rules.js';
import type { EtApplication } from '../../wps/et-types.js';
import { readWpsSnapshot } from '../../wps/read-workbook.js';

/** Only the ledger's sheets are read: the user's own sheets are neither read nor checked. */
export function validateInWps(plan: Plan, options: { asOf: string; rules?: ValidationRules }, app: EtApplication) {
  return checkOpenWorkbook((templateSheets) => Promise.resolve(readWpsSnapshot(app, templateSheets)), plan, options);
}
